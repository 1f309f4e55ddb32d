// Rehearsals (issue 18 item 3): the host practises a scheduled show with only the brand's staff
// watching; leaving returns the show to SCHEDULED as it was.
export { endRehearsal, isRehearsing, pinDuringRehearsal, startRehearsal } from './rehearsals';
