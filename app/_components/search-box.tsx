import { inputClass, primaryButtonClass } from './ui';

/** A plain GET form: works without JavaScript and leaves a shareable /search?q= address. */
export function SearchBox({ defaultValue = '' }: { defaultValue?: string }) {
  return (
    <form role="search" action="/search" method="get" className="flex gap-2">
      <label htmlFor="site-search" className="sr-only">
        Search shows, products, hosts and brands
      </label>
      <input id="site-search" name="q" type="search" defaultValue={defaultValue} maxLength={100} placeholder="Search shows, products, hosts, brands" className={inputClass} />
      <button type="submit" className={primaryButtonClass}>
        Search
      </button>
    </form>
  );
}
