export function freeTcpPort(): Promise<number>;
export interface RunningRedis {
  port: number;
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export function startRedis(options?: { port?: number; dir?: string; bin?: string; log?: (line: string) => void }): Promise<RunningRedis>;
