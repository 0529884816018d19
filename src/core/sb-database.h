/* sb-database.h: the SQLite file that holds a programme
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SB_DATABASE_ERROR (sb_database_error_quark ())

typedef enum
{
  SB_DATABASE_ERROR_NOT_FOUND,
  SB_DATABASE_ERROR_NOT_A_DATABASE,
  SB_DATABASE_ERROR_CORRUPT,
  SB_DATABASE_ERROR_TOO_NEW,
  SB_DATABASE_ERROR_READ_ONLY,
  SB_DATABASE_ERROR_LOCKED,
  SB_DATABASE_ERROR_CONSTRAINT,
  SB_DATABASE_ERROR_FAILED,
} SbDatabaseError;

typedef enum
{
  SB_DATABASE_OPEN_FLAGS_NONE   = 0,
  SB_DATABASE_OPEN_FLAGS_CREATE = 1 << 0,
} SbDatabaseOpenFlags;

#define SB_TYPE_DATABASE (sb_database_get_type ())
G_DECLARE_FINAL_TYPE (SbDatabase, sb_database, SB, DATABASE, GObject)

GQuark        sb_database_error_quark        (void);

char         *sb_database_get_default_path   (void);

SbDatabase   *sb_database_open               (const char           *path,
                                              SbDatabaseOpenFlags   flags,
                                              GError              **error);
SbDatabase   *sb_database_open_at_version    (const char           *path,
                                              guint                 version,
                                              GError              **error);

const char   *sb_database_get_path           (SbDatabase           *self);
char         *sb_database_get_document_dir   (SbDatabase           *self);
guint         sb_database_get_schema_version (SbDatabase           *self);
sqlite3      *sb_database_get_handle         (SbDatabase           *self);
void          sb_database_set_busy_timeout   (SbDatabase           *self,
                                              int                   milliseconds);
const char   *sb_database_get_audit_actor    (SbDatabase           *self);
const char   *sb_database_get_audit_role     (SbDatabase           *self);
void          sb_database_set_audit_enabled  (SbDatabase           *self,
                                              gboolean              enabled);
void          sb_database_set_audit_actor    (SbDatabase           *self,
                                              const char           *actor,
                                              const char           *role);

sqlite3_stmt *sb_database_prepare            (SbDatabase           *self,
                                              const char           *sql,
                                              GError              **error);
gboolean      sb_database_exec               (SbDatabase           *self,
                                              const char           *sql,
                                              GError              **error);
gboolean      sb_database_step_done          (SbDatabase           *self,
                                              sqlite3_stmt         *stmt,
                                              GError              **error);
gboolean      sb_database_finish_rows        (SbDatabase           *self,
                                              sqlite3_stmt         *stmt,
                                              int                   rc,
                                              GError              **error);
gboolean      sb_database_begin              (SbDatabase           *self,
                                              GError              **error);
gboolean      sb_database_commit             (SbDatabase           *self,
                                              GError              **error);
void          sb_database_rollback           (SbDatabase           *self);
gboolean      sb_database_set_error          (SbDatabase           *self,
                                              int                   rc,
                                              GError              **error);

/* Reading and binding the column types every table uses. */
char         *sb_column_dup_text             (sqlite3_stmt         *stmt,
                                              int                   column);
void          sb_column_get_date             (sqlite3_stmt         *stmt,
                                              int                   column,
                                              GDate                *date);
void          sb_bind_date                   (sqlite3_stmt         *stmt,
                                              int                   index,
                                              const GDate          *date);
void          sb_bind_text_or_null           (sqlite3_stmt         *stmt,
                                              int                   index,
                                              const char           *text);

char         *sb_database_get_setting        (SbDatabase           *self,
                                              const char           *key);
gboolean      sb_database_backup             (SbDatabase           *self,
                                              const char           *destination,
                                              GError              **error);

G_END_DECLS
