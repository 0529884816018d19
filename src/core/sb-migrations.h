/* sb-migrations.h: the numbered schema migrations of the StdBase database
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A table whose every change the audit log records.  base_expression
 * finds the base a row belongs to, with R standing for the row ("R.base_id",
 * or NULL); columns are the row's columns separated by spaces; update_of,
 * when set, limits updates to those columns. */
typedef struct
{
  const char *name;
  const char *base_expression;
  const char *columns;
  const char *update_of;
} SbAuditedTable;

/* Migration i (1-based) takes a database from schema version i - 1 to i. */
guint        sb_migrations_get_latest_version (void);
const char  *sb_migrations_get_sql            (guint version);

/* PRAGMA application_id of every StdBase database: "StdB". */
#define SB_DATABASE_APPLICATION_ID 0x53746442

G_END_DECLS
