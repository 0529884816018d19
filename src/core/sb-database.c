/* sb-database.c: the SQLite file that holds a programme
 *
 * Opening checks the file before changing anything in it: a file that is
 * not a database, a corrupt one, one from a newer StdBase, a read-only or a
 * locked one each fail with a message a user can act on, and the file is
 * left exactly as it was.
 */
#define G_LOG_DOMAIN "sb-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "sb-audit.h"
#include "sb-database.h"
#include "sb-date.h"
#include "sb-migrations.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000
#define BACKUP_RETRY_MS 25

struct _SbDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL literal (by address) → sqlite3_stmt */
  guint       schema_version;
  guint       transaction_depth;
  int         busy_timeout_ms;
  char       *audit_actor;  /* who the audit log says made the changes */
  char       *audit_role;
  gboolean    audit_enabled;
};

G_DEFINE_FINAL_TYPE (SbDatabase, sb_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sb-database-error-quark, sb_database_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static gboolean
set_error_for_path (const char  *path,
                    sqlite3     *db,
                    int          rc,
                    int          busy_timeout_ms,
                    GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_LOCKED,
                   _("“%s” is locked by another program that is changing it; "
                     "waited %.1f s. Try again when it has finished."),
                   display, busy_timeout_ms / 1000.0);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_READ_ONLY,
                   _("“%s” is read-only: StdBase cannot save changes to it. "
                     "Check the file’s permissions, or work on a copy."),
                   display);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read safely. Nothing was "
                     "changed; restore it from a backup."),
                   display);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a StdBase database (it is not an SQLite "
                     "file at all). Nothing was changed."),
                   display);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CONSTRAINT,
                   _("The change contradicts data already in “%s”: %s"),
                   display, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_FOUND,
                   _("“%s” cannot be opened: %s"),
                   display, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"),
                   display, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }

  return FALSE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           int         *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;

  return rc == SQLITE_OK;
}

/* PRAGMA quick_check reads every page, which also catches damage that the
 * first queries would only hit later, in the middle of someone's work.
 */
static int
check_integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);
          rc = g_strcmp0 (result, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

static gboolean
migrate (SbDatabase  *self,
         guint        from,
         guint        to,
         GError     **error)
{
  if (!sb_database_begin (self, error))
    return FALSE;

  for (guint version = from + 1; version <= to; version++)
    {
      g_autofree char *set_version = NULL;
      char *message = NULL;
      int rc;

      rc = sqlite3_exec (self->db, sb_migrations_get_sql (version),
                         NULL, NULL, &message);
      if (rc == SQLITE_OK)
        {
          set_version = g_strdup_printf ("PRAGMA user_version = %u", version);
          rc = sqlite3_exec (self->db, set_version, NULL, NULL, &message);
        }
      if (rc != SQLITE_OK)
        {
          g_autofree char *display = g_filename_display_name (self->path);

          g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED,
                       _("Could not upgrade “%s” to schema version %u: %s. "
                         "Nothing was changed."),
                       display, version, message ? message : sqlite3_errstr (rc));
          sqlite3_free (message);
          sb_database_rollback (self);
          return FALSE;
        }
    }

  if (!sb_database_commit (self, error))
    return FALSE;

  self->schema_version = to;
  return TRUE;
}

/* sb_audit_actor () and sb_audit_role (): who the audit log's triggers
 * record, set by sb_database_set_audit_actor (). */
static void
audit_actor_function (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  SbDatabase *self = sqlite3_user_data (context);

  sqlite3_result_text (context, self->audit_actor, -1, SQLITE_TRANSIENT);
}

static void
audit_role_function (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  SbDatabase *self = sqlite3_user_data (context);

  sqlite3_result_text (context, self->audit_role, -1, SQLITE_TRANSIENT);
}

static void
audit_enabled_function (sqlite3_context  *context,
                        int               argc,
                        sqlite3_value   **argv)
{
  SbDatabase *self = sqlite3_user_data (context);

  sqlite3_result_int (context, self->audit_enabled);
}

static void
register_audit_functions (SbDatabase *self)
{
  /* Innocuous (no side effects), so the schema's triggers may call them. */
  sqlite3_create_function (self->db, "sb_audit_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                           self, audit_actor_function, NULL, NULL);
  sqlite3_create_function (self->db, "sb_audit_enabled", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                           self, audit_enabled_function, NULL, NULL);
  sqlite3_create_function (self->db, "sb_audit_role", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                           self, audit_role_function, NULL, NULL);
  sb_audit_register_functions (self->db);
}

static SbDatabase *
open_database (const char           *path,
               SbDatabaseOpenFlags   flags,
               guint                 target_version,
               GError              **error)
{
  g_autoptr(SbDatabase) self = NULL;
  g_autofree char *display = g_filename_display_name (path);
  int open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  gboolean exists;
  int version = 0;
  int application_id = 0;
  int tables = 0;
  int rc;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && !(flags & SB_DATABASE_OPEN_FLAGS_CREATE))
    {
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”"), display);
      return NULL;
    }
  if (exists && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a StdBase database (it is not a regular file)"),
                   display);
      return NULL;
    }
  /* SQLite takes an empty file for an empty database.  Only a caller that
   * asked to create a database may turn one into a programme: merely
   * opening must not write into a file that may have been meant for
   * something else. */
  if (exists && !(flags & SB_DATABASE_OPEN_FLAGS_CREATE))
    {
      GStatBuf buf;

      if (g_stat (path, &buf) == 0 && buf.st_size == 0)
        {
          g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_A_DATABASE,
                       _("“%s” is empty, not a StdBase database. Nothing was changed."),
                       display);
          return NULL;
        }
    }
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *dir_display = g_filename_display_name (dir);

          g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED,
                       _("Could not create the folder “%s”: %s"),
                       dir_display, g_strerror (saved_errno));
          return NULL;
        }
      open_flags |= SQLITE_OPEN_CREATE;
    }

  self = g_object_new (SB_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_path (path, self->db, rc, self->busy_timeout_ms, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, self->busy_timeout_ms);
  register_audit_functions (self);

  /* SQLite silently falls back to read-only when it may not write. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_error_for_path (path, NULL, SQLITE_READONLY, 0, error);
      return NULL;
    }

  if (!query_int (self->db, "PRAGMA user_version", &version, &rc)
      || !query_int (self->db, "PRAGMA application_id", &application_id, &rc)
      || !query_int (self->db, "SELECT count(*) FROM sqlite_master", &tables, &rc))
    {
      set_error_for_path (path, NULL, rc, self->busy_timeout_ms, error);
      return NULL;
    }

  if (application_id != SB_DATABASE_APPLICATION_ID && (application_id != 0 || tables > 0))
    {
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database, but not one of StdBase’s. "
                     "Nothing was changed."),
                   display);
      return NULL;
    }

  if (version < 0 || (guint) version > sb_migrations_get_latest_version ())
    {
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of StdBase (schema "
                     "version %d; this version knows up to %u). Update StdBase "
                     "to open it. Nothing was changed."),
                   display, version, sb_migrations_get_latest_version ());
      return NULL;
    }
  self->schema_version = version;

  /* Before an upgrade rewrites the schema, make sure every page is sound.
   * Otherwise damage is reported when a query reaches it (SQLITE_CORRUPT
   * becomes SB_DATABASE_ERROR_CORRUPT): a full check on every start would
   * cost a large programme more time than the rest of opening. */
  if (tables > 0 && (guint) version < target_version
      && (rc = check_integrity (self->db)) != SQLITE_OK)
    {
      set_error_for_path (path, NULL, rc, self->busy_timeout_ms, error);
      return NULL;
    }

  /* Only now that the file is known to be ours and sound is it changed. */
  if (!sb_database_exec (self, "PRAGMA journal_mode = WAL", error)
      || !sb_database_exec (self, "PRAGMA foreign_keys = ON", error)
      || !sb_database_exec (self, "PRAGMA synchronous = NORMAL", error)
      || !sb_database_exec (self, "PRAGMA cache_size = -16384", error)
      /* Savepoint and statement journals stay in memory: every audited
       * change runs a trigger, and on disk they cost a write per page. */
      || !sb_database_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (self->schema_version < target_version)
    {
      if (self->schema_version == 0)
        {
          g_autofree char *set_id =
            g_strdup_printf ("PRAGMA application_id = %d", SB_DATABASE_APPLICATION_ID);

          if (!sb_database_exec (self, set_id, error))
            return NULL;
        }
      if (!migrate (self, self->schema_version, target_version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

static void
sb_database_finalize (GObject *object)
{
  SbDatabase *self = (SbDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->audit_actor, g_free);
  g_clear_pointer (&self->audit_role, g_free);

  G_OBJECT_CLASS (sb_database_parent_class)->finalize (object);
}

static void
sb_database_class_init (SbDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_database_finalize;
}

static void
sb_database_init (SbDatabase *self)
{
  const char *timeout = g_getenv ("STDBASE_BUSY_TIMEOUT_MS");

  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->busy_timeout_ms = timeout ? atoi (timeout) : DEFAULT_BUSY_TIMEOUT_MS;
  self->audit_actor = g_strdup (g_get_real_name ());
  self->audit_role = g_strdup ("");
  self->audit_enabled = TRUE;
}

/* Who the audit log records for the changes made from now on: the person
 * and the role (sb_role_to_string ()) they act in. */
void
sb_database_set_audit_actor (SbDatabase *self,
                             const char *actor,
                             const char *role)
{
  char *new_actor;
  char *new_role;

  g_return_if_fail (SB_IS_DATABASE (self));

  /* Copied before freeing: callers may pass the current values back. */
  new_actor = g_strdup (actor ? actor : "");
  new_role = g_strdup (role ? role : "");

  g_free (self->audit_actor);
  self->audit_actor = new_actor;
  g_free (self->audit_role);
  self->audit_role = new_role;
}

/* Off only while a bulk load writes what it then records in one entry
 * (sb_demo_fill ()); every change a person makes is audited. */
void
sb_database_set_audit_enabled (SbDatabase *self,
                               gboolean    enabled)
{
  g_return_if_fail (SB_IS_DATABASE (self));

  self->audit_enabled = !!enabled;
}

const char *
sb_database_get_audit_role (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  return self->audit_role;
}

const char *
sb_database_get_audit_actor (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  return self->audit_actor;
}

char *
sb_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                           "stdbase.db", NULL);
}

/**
 * sb_database_open:
 * @path: the file
 * @flags: %SB_DATABASE_OPEN_FLAGS_CREATE to create a missing file
 *
 * Opens @path and brings its schema up to date.
 */
SbDatabase *
sb_database_open (const char           *path,
                  SbDatabaseOpenFlags   flags,
                  GError              **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_database (path, flags, sb_migrations_get_latest_version (), error);
}

/* For the migration tests: a database left at an older schema. */
SbDatabase *
sb_database_open_at_version (const char  *path,
                             guint        version,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version <= sb_migrations_get_latest_version (), NULL);

  return open_database (path, SB_DATABASE_OPEN_FLAGS_CREATE, version, error);
}

const char *
sb_database_get_path (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  return self->path;
}

/* Attached PDFs live next to the database, so copying the two together
 * moves a whole programme.
 */
char *
sb_database_get_document_dir (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  return g_strconcat (self->path, ".documents", NULL);
}

guint
sb_database_get_schema_version (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), 0);

  return self->schema_version;
}

sqlite3 *
sb_database_get_handle (SbDatabase *self)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  return self->db;
}

void
sb_database_set_busy_timeout (SbDatabase *self,
                              int         milliseconds)
{
  g_return_if_fail (SB_IS_DATABASE (self));

  self->busy_timeout_ms = milliseconds;
  sqlite3_busy_timeout (self->db, milliseconds);
}

/**
 * sb_database_set_error:
 *
 * Turns an SQLite result code into a #GError in %SB_DATABASE_ERROR.
 *
 * Returns: %FALSE, so callers can `return sb_database_set_error (…)`
 */
gboolean
sb_database_set_error (SbDatabase  *self,
                       int          rc,
                       GError     **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);

  return set_error_for_path (self->path, self->db, rc, self->busy_timeout_ms, error);
}

/**
 * sb_database_prepare:
 *
 * Returns a statement for @sql, compiled once per database and reset for
 * use.  @sql must be a string literal: statements are cached by its
 * address, which keeps the hot paths free of hashing long SQL text.  The
 * database owns the statement: do not finalize it, and do not hold it
 * across another call that may prepare the same SQL.
 */
sqlite3_stmt *
sb_database_prepare (SbDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sb_database_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

gboolean
sb_database_exec (SbDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sb_database_set_error (self, rc, error);

  return TRUE;
}

gboolean
sb_database_step_done (SbDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      sb_database_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/**
 * sb_database_finish_rows:
 * @rc: what the last sqlite3_step() of a loop over rows returned
 *
 * Resets @stmt after a loop over its rows and tells whether the loop
 * ended because the rows did.
 */
gboolean
sb_database_finish_rows (SbDatabase    *self,
                         sqlite3_stmt  *stmt,
                         int            rc,
                         GError       **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_database_set_error (self, rc, error);

  return TRUE;
}

/* Runs one of the transaction statements below, compiled once. */
static gboolean
run_control (SbDatabase  *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = sb_database_prepare (self, sql, error);

  return stmt != NULL && sb_database_step_done (self, stmt, error);
}

/* Transactions nest: the outermost takes the write lock at once (BEGIN
 * IMMEDIATE, so a locked file is reported before any work is done), inner
 * ones are savepoints that roll back on their own.  Savepoints may share a
 * name: SQLite releases and rolls back to the most recent one.
 */
gboolean
sb_database_begin (SbDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);

  if (!run_control (self, self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT sb", error))
    return FALSE;

  self->transaction_depth++;
  return TRUE;
}

gboolean
sb_database_commit (SbDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (!run_control (self, self->transaction_depth == 1 ? "COMMIT" : "RELEASE sb", error))
    {
      sb_database_rollback (self);
      return FALSE;
    }

  self->transaction_depth--;
  return TRUE;
}

void
sb_database_rollback (SbDatabase *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_if_fail (SB_IS_DATABASE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    ok = run_control (self, "ROLLBACK", &error);
  else
    ok = run_control (self, "ROLLBACK TO sb", &error)
         && run_control (self, "RELEASE sb", &error);

  if (!ok)
    g_warning ("Rollback failed: %s", error->message);

  self->transaction_depth--;
}

char *
sb_column_dup_text (sqlite3_stmt *stmt,
                    int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Dates are stored as YYYY-MM-DD text; NULL or anything else reads as a
 * cleared date. */
void
sb_column_get_date (sqlite3_stmt *stmt,
                    int           column,
                    GDate        *date)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_date_clear (date, 1);
  if (text != NULL)
    sb_date_parse (text, date, NULL);
}

void
sb_bind_date (sqlite3_stmt *stmt,
              int           index,
              const GDate  *date)
{
  char text[SB_DATE_TEXT_SIZE];

  if (sb_date_write (date, text))
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* An empty string is stored as NULL: "not given". */
void
sb_bind_text_or_null (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

char *
sb_database_get_setting (SbDatabase *self,
                         const char *key)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (self), NULL);

  stmt = sb_database_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return value;
    }
  sqlite3_reset (stmt);

  return NULL;
}

/**
 * sb_database_backup:
 *
 * Copies the live database to @destination with SQLite's online backup,
 * so it can run while the app has the file open.  The copy is written to
 * a temporary name and moved into place, so a failed backup never leaves a
 * half-written file where a good one was.
 */
gboolean
sb_database_backup (SbDatabase  *self,
                    const char  *destination,
                    GError     **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *display = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  display = g_filename_display_name (destination);

  /* The backup of a connection in the middle of its own write would wait
   * for that write forever. */
  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED,
                   _("Could not write the backup “%s”: a change is still being "
                     "made. Try again when it has been saved."),
                   display);
      return FALSE;
    }

  temporary = g_strconcat (destination, ".partial", NULL);
  g_unlink (temporary);

  rc = sqlite3_open_v2 (temporary, &target,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  backup = sqlite3_backup_init (target, "main", self->db, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (target);
      goto failed;
    }
  /* Another program's lock is waited out for the busy timeout, not
   * forever, and without spinning. */
  for (int waited_ms = 0;;)
    {
      rc = sqlite3_backup_step (backup, 256);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
          && waited_ms < self->busy_timeout_ms)
        {
          sqlite3_sleep (BACKUP_RETRY_MS);
          waited_ms += BACKUP_RETRY_MS;
        }
      else if (rc != SQLITE_OK)
        break;
    }
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      sqlite3_close (target);
      g_unlink (temporary);
      return set_error_for_path (self->path, NULL, rc, self->busy_timeout_ms, error);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  /* A backup is one self-contained file, not a WAL set. */
  rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;
  sqlite3_close (target);

  if (g_rename (temporary, destination) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;

failed:
  g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED,
               _("Could not write the backup “%s”: %s"),
               display, target ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
  if (target != NULL)
    sqlite3_close (target);
  g_unlink (temporary);
  return FALSE;
}
