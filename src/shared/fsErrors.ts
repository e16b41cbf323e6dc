/** A file system error in a few words, for the one line the command line prints per problem. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'EISDIR':
      return 'is a folder, not a file.';
    case 'ELOOP':
      return 'too many levels of symbolic links.';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
