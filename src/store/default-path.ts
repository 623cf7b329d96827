/** Where the CLI keeps its results unless `--db` says otherwise: below the working directory, ignored by git. */
export const DEFAULT_DB = '.bewaarder/bewaarder.db';
