/* sb-programme.c: an open programme: its database, calendar and bases
 *
 * The statutory calendar is the file shipped with StdBase, overlaid with
 * the years a user imported into this database, so every computer that
 * opens the database computes the same deadlines.
 */
#define G_LOG_DOMAIN "sb-programme"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-programme.h"

struct _SbProgramme
{
  GObject      parent_instance;

  SbDatabase  *database;
  SbCalendar  *calendar;
  SbBaseStore *store;
};

G_DEFINE_FINAL_TYPE (SbProgramme, sb_programme, G_TYPE_OBJECT)

static gboolean
load_imported_years (SbProgramme  *self,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (self->database,
                              "SELECT content FROM calendar_files ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *content = (const char *) sqlite3_column_text (stmt, 0);

      if (!sb_calendar_load_data (self->calendar, content, -1, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return sb_database_finish_rows (self->database, stmt, rc, error);
}

static void
sb_programme_dispose (GObject *object)
{
  SbProgramme *self = (SbProgramme *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->calendar);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sb_programme_parent_class)->dispose (object);
}

static void
sb_programme_class_init (SbProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_programme_dispose;
}

static void
sb_programme_init (SbProgramme *self)
{
}

SbProgramme *
sb_programme_open (const char           *path,
                   SbDatabaseOpenFlags   flags,
                   GError              **error)
{
  g_autoptr(SbProgramme) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SB_TYPE_PROGRAMME, NULL);

  self->database = sb_database_open (path, flags, error);
  if (self->database == NULL)
    return NULL;

  self->calendar = sb_calendar_new_default (error);
  if (self->calendar == NULL || !load_imported_years (self, error))
    return NULL;

  self->store = sb_base_store_new (self->database, self->calendar);

  return g_steal_pointer (&self);
}

SbDatabase *
sb_programme_get_database (SbProgramme *self)
{
  g_return_val_if_fail (SB_IS_PROGRAMME (self), NULL);

  return self->database;
}

SbCalendar *
sb_programme_get_calendar (SbProgramme *self)
{
  g_return_val_if_fail (SB_IS_PROGRAMME (self), NULL);

  return self->calendar;
}

SbBaseStore *
sb_programme_get_store (SbProgramme *self)
{
  g_return_val_if_fail (SB_IS_PROGRAMME (self), NULL);

  return self->store;
}

/**
 * sb_programme_import_calendar:
 * @path: a calendar file in the format of the shipped one
 *
 * Checks @path, then keeps it in the database; its years replace those
 * of the shipped file and of earlier imports.
 */
gboolean
sb_programme_import_calendar (SbProgramme  *self,
                              const char   *path,
                              GError      **error)
{
  g_autofree char *content = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *imported_at = NULL;
  g_autoptr(SbCalendar) check = sb_calendar_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &content, NULL, error)
      || !sb_calendar_load_data (check, content, -1, error))
    return FALSE;

  stmt = sb_database_prepare (self->database,
                              "INSERT INTO calendar_files (name, imported_at, content)"
                              " VALUES (?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  name = g_path_get_basename (path);
  now = g_date_time_new_now_utc ();
  imported_at = g_date_time_format_iso8601 (now);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, imported_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, content, -1, SQLITE_TRANSIENT);
  if (!sb_database_step_done (self->database, stmt, error))
    return FALSE;

  /* Already checked above, so this cannot fail half-way. */
  return sb_calendar_load_data (self->calendar, content, -1, error);
}
