#include <sqlite3.h>

// Swift cannot call the variadic sqlite3_db_config, so each use gets a wrapper.

/// Turns off SQLite's double-quoted string literals in DML and DDL (3.29+), as GRDB
/// does: a misquoted identifier such as "nosuchcolumn" is then an error instead of
/// the string 'nosuchcolumn'. Existing schemas that use them still load.
static inline int migc_sqlite3_disable_double_quoted_strings(sqlite3 *db) {
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)0);
}
