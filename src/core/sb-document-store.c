/* sb-document-store.c: the PDFs a programme keeps, copied in by checksum
 *
 * A PDF is checked with Poppler, then copied into a folder beside the
 * database under its SHA-256, so the original file is never needed again
 * and the same file added twice is stored once.
 */
#define G_LOG_DOMAIN "sb-document-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "sb-document-store.h"

G_DEFINE_QUARK (sb-document-error-quark, sb_document_error)

static char *
stored_path (SbDatabase *database,
             const char *sha256)
{
  g_autofree char *dir = sb_database_get_document_dir (database);
  g_autofree char *name = g_strconcat (sha256, ".pdf", NULL);
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (dir, prefix, name, NULL);
}

/* Poppler reads the bytes we already hold, so the check and the copy see
 * the same file even if the original changes in between.
 */
static int
count_pages (const char  *display,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;
  int pages;

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_ENCRYPTED,
                     _("“%s” is protected by a password; attach a copy without one"),
                     display);
      else
        g_set_error (error, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_NOT_PDF,
                     _("“%s” is not a PDF that can be read (%s)"),
                     display, local_error->message);
      return -1;
    }

  /* Poppler 22.12 has no autoptr for its documents. */
  pages = poppler_document_get_n_pages (document);
  g_object_unref (document);

  return pages;
}

static gboolean
same_contents (const char *path,
               GBytes     *bytes)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_get_contents (path, &contents, &length, NULL)
         && length == size
         && memcmp (contents, data, size) == 0;
}

/* Copies @bytes to @path, unless an intact copy is there already; a copy
 * that was damaged since is replaced.  *@created says whether the file
 * is new, so that a failed import can take it away again.
 */
static gboolean
write_stored (const char  *display,
              const char  *path,
              GBytes      *bytes,
              gboolean    *created,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);
  int saved_errno = 0;

  *created = FALSE;
  if (existed && same_contents (path, bytes))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    saved_errno = errno;
  if (saved_errno != 0
      || !g_file_set_contents_full (path, data, size,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &local_error))
    {
      g_set_error (error, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_STORE,
                   _("Could not copy “%s” into the document store: %s"),
                   display, local_error ? local_error->message : g_strerror (saved_errno));
      return FALSE;
    }

  *created = !existed;
  return TRUE;
}

/**
 * sb_document_store_import:
 * @path: a PDF on disk
 * @base_id: the base it belongs to, or 0
 * @kind: what it is, e.g. "attachment"
 *
 * Returns: the document's id, or 0 with @error set
 */
gint64
sb_document_store_import (SbDatabase  *database,
                          const char  *path,
                          gint64       base_id,
                          const char  *kind,
                          GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *added_at = NULL;
  sqlite3_stmt *stmt;
  gboolean created = FALSE;
  gint64 id;
  gsize length;
  int pages;

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);
  g_return_val_if_fail (path != NULL, 0);

  display = g_filename_display_basename (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_UNREADABLE,
                   _("“%s” cannot be read: %s"), display, local_error->message);
      return 0;
    }
  if (length == 0)
    {
      g_set_error (error, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_NOT_PDF,
                   _("“%s” is empty"), display);
      return 0;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  pages = count_pages (display, bytes, error);
  if (pages < 0)
    return 0;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  target = stored_path (database, sha256);

  now = g_date_time_new_now_utc ();
  added_at = g_date_time_format_iso8601 (now);
  basename = g_path_get_basename (path);

  /* The row first, then the copy, then the commit: a refused row (a base
   * that does not exist) leaves no file behind, and a copy that cannot be
   * written leaves no row that points nowhere. */
  if (!sb_database_begin (database, error))
    return 0;

  stmt = sb_database_prepare (database,
                              "INSERT INTO documents (sha256, file_name, size, pages,"
                              " kind, base_id, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, basename, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, length);
  sqlite3_bind_int (stmt, 4, pages);
  sqlite3_bind_text (stmt, 5, kind ? kind : "attachment", -1, SQLITE_TRANSIENT);
  if (base_id > 0)
    sqlite3_bind_int64 (stmt, 6, base_id);
  sqlite3_bind_text (stmt, 7, added_at, -1, SQLITE_TRANSIENT);

  if (!sb_database_step_done (database, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (sb_database_get_handle (database));

  if (!write_stored (display, target, bytes, &created, error))
    goto failed;

  if (!sb_database_commit (database, error))
    {
      if (created)
        g_unlink (target);
      return 0;
    }

  return id;

failed:
  sb_database_rollback (database);
  return 0;
}

/**
 * sb_document_store_get_path:
 *
 * Returns: (transfer full): where the stored copy of @document_id is
 */
char *
sb_document_store_get_path (SbDatabase  *database,
                            gint64       document_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  char *path = NULL;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database, "SELECT sha256 FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    path = stored_path (database, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_UNREADABLE,
                 _("There is no document with the number %lld"),
                 (long long) document_id);
  else if (rc != SQLITE_ROW)
    sb_database_set_error (database, rc, error);

  return path;
}
