/**
 * The folder a location is counted under in `stats`: its folders cut to `depth` levels (`a/b/c.txt` at depth 1 is
 * `a`; a file at the top is ``), prefixed with the source's root.
 */
export function locationFolder(root: string, location: string, depth: number): string {
  const folder = location.split('/').slice(0, -1).slice(0, depth).join('/');
  return folder ? `${root}/${folder}` : root;
}
