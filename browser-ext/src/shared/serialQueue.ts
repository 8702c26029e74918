/**
 * A queue of writes: each task starts when the one before it has settled. Handlers run concurrently in the service
 * worker, and a store's read-modify-write would otherwise lose an entry written between its read and its write.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let writing: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = writing.then(task, task);
    writing = next.catch(() => undefined);
    return next;
  };
}
