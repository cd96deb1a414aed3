#include <mysql.h>
#include <errmsg.h>

// Swift cannot call C's variadic mariadb_get_infov, nor pass a C string where
// mysql_options takes `const void *` without ceremony: two small helpers.
static inline unsigned int migc_mysql_server_status(MYSQL *mysql) {
    unsigned int status = 0;
    mariadb_get_infov(mysql, MARIADB_CONNECTION_SERVER_STATUS, &status);
    return status;
}

static inline int migc_mysql_option_string(MYSQL *mysql, enum mysql_option option, const char *value) {
    return mysql_options(mysql, option, value);
}

static inline int migc_mysql_option_uint(MYSQL *mysql, enum mysql_option option, unsigned int value) {
    return mysql_options(mysql, option, &value);
}

static inline int migc_mysql_option_bool(MYSQL *mysql, enum mysql_option option, my_bool value) {
    return mysql_options(mysql, option, &value);
}

// mysql_library_init is a macro.
static inline int migc_mysql_library_init(void) {
    return mysql_library_init(0, 0, 0);
}
