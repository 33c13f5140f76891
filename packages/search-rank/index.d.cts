/** The SQLite extension's file (see index.cjs). */
export declare const file: string;
/** Its entry point, for Database.loadExtension. */
export declare const entryPoint: string;
