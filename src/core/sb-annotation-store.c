/* sb-annotation-store.c: annotations recorded against reviews
 *
 * A reviewer's annotations on a stored document are kept twice: in a new
 * PDF that any viewer shows, added to the document store beside the
 * original (kind "annotated"), and as rows of the annotations table
 * against the review they belong to, which the app reads back to edit
 * them.  Saving again replaces the rows and writes a new copy, always from
 * the untouched original, so annotations are never written twice.
 */
#define G_LOG_DOMAIN "sb-annotation-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-annotation-pdf.h"
#include "sb-annotation-store.h"
#include "sb-date.h"
#include "sb-document-store.h"
#include "sb-pdf.h"

static const struct
{
  const char *name;
  const char *label;
} review_kinds[SB_N_REVIEW_KINDS] = {
  [SB_REVIEW_FORMAL]     = { "formal", N_("Formal review") },
  [SB_REVIEW_EXPERT]     = { "expert", N_("Expert review") },
  [SB_REVIEW_MIDTERM]    = { "midterm", N_("Mid-term evaluation") },
  [SB_REVIEW_ACCEPTANCE] = { "acceptance", N_("Acceptance evaluation") },
};

const char *
sb_review_kind_to_string (SbReviewKind kind)
{
  g_return_val_if_fail (kind < SB_N_REVIEW_KINDS, NULL);

  return review_kinds[kind].name;
}

const char *
sb_review_kind_get_label (SbReviewKind kind)
{
  g_return_val_if_fail (kind < SB_N_REVIEW_KINDS, NULL);

  return _(review_kinds[kind].label);
}

/**
 * sb_annotation_store_ensure_review:
 *
 * The latest review of @kind of @base_id by @reviewer, or a new one dated
 * @date.
 *
 * Returns: the review's id, or 0 with @error set
 */
gint64
sb_annotation_store_ensure_review (SbDatabase    *database,
                                   gint64         base_id,
                                   SbReviewKind   kind,
                                   const char    *reviewer,
                                   const GDate   *date,
                                   GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);
  g_return_val_if_fail (kind < SB_N_REVIEW_KINDS, 0);
  g_return_val_if_fail (reviewer != NULL, 0);
  g_return_val_if_fail (date != NULL, 0);

  stmt = sb_database_prepare (database,
                              "SELECT id FROM reviews WHERE base_id = ? AND kind = ? AND reviewer = ?"
                              " ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_text (stmt, 2, review_kinds[kind].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, reviewer, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return 0;
  if (id > 0)
    return id;

  stmt = sb_database_prepare (database,
                              "INSERT INTO reviews (base_id, kind, reviewer, date) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_text (stmt, 2, review_kinds[kind].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, reviewer, -1, SQLITE_TRANSIENT);
  sb_bind_date (stmt, 4, date);
  if (!sb_database_step_done (database, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (sb_database_get_handle (database));
}

/**
 * sb_annotation_store_find_latest_review:
 * @kind: (out) (optional): the review's kind
 *
 * The review by @reviewer that annotations on @document_id were last
 * recorded against.
 *
 * Returns: its id, or 0 if there is none
 */
gint64
sb_annotation_store_find_latest_review (SbDatabase   *database,
                                        gint64        document_id,
                                        const char   *reviewer,
                                        SbReviewKind *kind)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);

  stmt = sb_database_prepare (database,
                              "SELECT r.id, r.kind FROM annotations a JOIN reviews r ON r.id = a.review_id"
                              " WHERE a.document_id = ? AND r.reviewer = ? ORDER BY a.id DESC LIMIT 1",
                              NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, reviewer, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; kind != NULL && i < SB_N_REVIEW_KINDS; i++)
        {
          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), review_kinds[i].name) == 0)
            *kind = i;
        }
    }
  sqlite3_reset (stmt);

  return id;
}

/**
 * sb_annotation_store_suggest_review_kind:
 *
 * The review a base's documents are most likely read for, from where the
 * base stands: formal review until it passes (Art. 14), then the experts'
 * (Art. 15), the mid-term evaluation while it prepares (Art. 19), and the
 * acceptance evaluation after (Art. 20).
 */
SbReviewKind
sb_annotation_store_suggest_review_kind (SbDatabase *database,
                                         gint64      base_id)
{
  sqlite3_stmt *stmt;
  g_autofree char *state = NULL;
  gboolean midterm_done = FALSE;

  g_return_val_if_fail (SB_IS_DATABASE (database), SB_REVIEW_FORMAL);

  stmt = sb_database_prepare (database, "SELECT state, midterm_evaluated_date FROM bases WHERE id = ?", NULL);
  if (stmt == NULL)
    return SB_REVIEW_FORMAL;
  sqlite3_bind_int64 (stmt, 1, base_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      state = sb_column_dup_text (stmt, 0);
      midterm_done = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
    }
  sqlite3_reset (stmt);

  if (state == NULL || g_str_equal (state, "draft") || g_str_equal (state, "submitted")
      || g_str_equal (state, "returned") || g_str_equal (state, "recommended"))
    return SB_REVIEW_FORMAL;
  if (g_str_equal (state, "formally-reviewed") || g_str_equal (state, "expert-reviewed")
      || g_str_equal (state, "rejected"))
    return SB_REVIEW_EXPERT;
  if ((g_str_equal (state, "preparing") || g_str_equal (state, "constructing")) && !midterm_done)
    return SB_REVIEW_MIDTERM;

  return SB_REVIEW_ACCEPTANCE;
}

/**
 * sb_annotation_store_find_document:
 * @contents: a PDF's bytes
 *
 * The stored document with the same contents, so that a file opened from
 * disk again finds the annotations saved for it.
 *
 * Returns: its id (the first stored, when there are several), or 0
 */
gint64
sb_annotation_store_find_document (SbDatabase *database,
                                   GBytes     *contents)
{
  g_autofree char *sha256 = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);
  g_return_val_if_fail (contents != NULL, 0);

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
  stmt = sb_database_prepare (database,
                              "SELECT id FROM documents WHERE sha256 = ? AND kind != 'annotated'"
                              " ORDER BY id LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/**
 * sb_annotation_store_find_original:
 *
 * Returns: the document whose annotations @annotated_document_id holds,
 *   while they are still recorded, or 0
 */
gint64
sb_annotation_store_find_original (SbDatabase *database,
                                   gint64      annotated_document_id)
{
  sqlite3_stmt *stmt;
  gint64 original = 0;

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);

  stmt = sb_database_prepare (database,
                              "SELECT document_id FROM annotations WHERE annotated_document_id = ?"
                              " AND document_id != annotated_document_id LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, annotated_document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    original = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return original;
}

/**
 * sb_annotation_store_get_document_base:
 *
 * Returns: the base @document_id belongs to, or 0
 */
gint64
sb_annotation_store_get_document_base (SbDatabase *database,
                                       gint64      document_id)
{
  sqlite3_stmt *stmt;
  gint64 base_id = 0;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);

  stmt = sb_database_prepare (database, "SELECT base_id FROM documents WHERE id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    base_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return base_id;
}

static char *
document_file_name (SbDatabase *database,
                    gint64      document_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  stmt = sb_database_prepare (database, "SELECT file_name FROM documents WHERE id = ?", NULL);
  if (stmt == NULL)
    return g_strdup ("document.pdf");
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = sb_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  return name != NULL ? name : g_strdup ("document.pdf");
}

static void
bind_review (sqlite3_stmt *stmt,
             int           index,
             gint64        review_id)
{
  if (review_id > 0)
    sqlite3_bind_int64 (stmt, index, review_id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
record (SbDatabase  *database,
        gint64       document_id,
        gint64       review_id,
        gint64       annotated_id,
        GPtrArray   *annotations,
        GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (database,
                              "DELETE FROM annotations WHERE document_id = ? AND review_id IS ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  bind_review (stmt, 2, review_id);
  if (!sb_database_step_done (database, stmt, error))
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    {
      SbAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *geometry = sb_annotation_dup_geometry (annotation);
      g_autofree char *colour = sb_annotation_dup_colour (annotation);
      g_autofree char *date = g_date_time_format_iso8601 (annotation->date);

      stmt = sb_database_prepare (database,
                                  "INSERT INTO annotations (document_id, review_id, annotated_document_id,"
                                  " kind, page, x1, y1, x2, y2, geometry, colour, author, created_at,"
                                  " contents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      bind_review (stmt, 2, review_id);
      sqlite3_bind_int64 (stmt, 3, annotated_id);
      sqlite3_bind_text (stmt, 4, sb_annotation_kind_to_string (annotation->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, annotation->page);
      sqlite3_bind_double (stmt, 6, annotation->area.x1);
      sqlite3_bind_double (stmt, 7, annotation->area.y1);
      sqlite3_bind_double (stmt, 8, annotation->area.x2);
      sqlite3_bind_double (stmt, 9, annotation->area.y2);
      sqlite3_bind_text (stmt, 10, geometry, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, colour, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 12, annotation->author ? annotation->author : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 13, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 14, annotation->contents ? annotation->contents : "", -1, SQLITE_TRANSIENT);
      if (!sb_database_step_done (database, stmt, error))
        return FALSE;
      annotation->id = sqlite3_last_insert_rowid (sb_database_get_handle (database));
    }

  return TRUE;
}

/**
 * sb_annotation_store_save:
 * @document_id: the original document
 * @review_id: the review the annotations belong to, or 0 for none
 * @password: (nullable): the original's password, if it has one
 * @annotations: (element-type SbAnnotation): all the review's annotations
 *   of the document; their ids are set
 *
 * Writes the original with @annotations into a new PDF in the document
 * store, and records them.  The original is not changed.
 *
 * Returns: the id of the annotated copy (@document_id itself when there
 *   are no annotations), or 0 with @error set
 */
gint64
sb_annotation_store_save (SbDatabase   *database,
                          gint64        document_id,
                          gint64        review_id,
                          const char   *password,
                          GPtrArray    *annotations,
                          GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 annotated_id = document_id;

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);
  g_return_val_if_fail (annotations != NULL, 0);

  path = sb_document_store_get_path (database, document_id, error);
  if (path == NULL)
    return 0;
  file_name = document_file_name (database, document_id);

  if (annotations->len > 0)
    {
      bytes = sb_pdf_load_bytes (path, error);
      if (bytes == NULL)
        return 0;

      dir = g_dir_make_tmp ("stdbase-annotated-XXXXXX", NULL);
      if (dir == NULL)
        dir = g_strdup (g_get_tmp_dir ());
      stem = g_str_has_suffix (file_name, ".pdf") || g_str_has_suffix (file_name, ".PDF")
             ? g_strndup (file_name, strlen (file_name) - 4) : g_strdup (file_name);
      /* TRANSLATORS: the file name of a document with a reviewer's
       * annotations added, e.g. "report (annotated).pdf" */
      output_name = g_strdup_printf (_("%s (annotated).pdf"), stem);
      g_strdelimit (output_name, "/", '_');
      output = g_build_filename (dir, output_name, NULL);

      if (!sb_annotation_pdf_write (bytes, file_name, password, annotations, output, error))
        {
          g_rmdir (dir);
          return 0;
        }
    }

  if (!sb_database_begin (database, error))
    goto failed;
  if (output != NULL)
    {
      annotated_id = sb_document_store_import (database, output,
                                               sb_annotation_store_get_document_base (database, document_id),
                                               "annotated", error);
      if (annotated_id == 0)
        {
          sb_database_rollback (database);
          goto failed;
        }
    }
  if (!record (database, document_id, review_id, annotated_id, annotations, error)
      || !sb_database_commit (database, error))
    {
      sb_database_rollback (database);
      goto failed;
    }

  if (output != NULL)
    {
      g_unlink (output);
      g_rmdir (dir);
    }
  return annotated_id;

failed:
  if (output != NULL)
    {
      g_unlink (output);
      g_rmdir (dir);
    }
  for (guint i = 0; i < annotations->len; i++)
    ((SbAnnotation *) g_ptr_array_index (annotations, i))->id = 0;
  return 0;
}

/**
 * sb_annotation_store_load:
 * @review_id: the review, or 0 for annotations recorded against none
 *
 * Returns: (transfer full) (element-type SbAnnotation): the annotations
 *   recorded for @document_id, in the order they were saved, or %NULL
 *   with @error set
 */
GPtrArray *
sb_annotation_store_load (SbDatabase  *database,
                          gint64       document_id,
                          gint64       review_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT id, kind, page, x1, y1, x2, y2, geometry, colour, author,"
                              " created_at, contents FROM annotations"
                              " WHERE document_id = ? AND review_id IS ? ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  bind_review (stmt, 2, review_id);

  annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbAnnotationKind kind;
      SbAnnotation *annotation;
      g_autofree char *colour = NULL;
      g_autofree char *geometry = NULL;
      g_autofree char *created = NULL;
      GDateTime *date;

      if (!sb_annotation_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind))
        continue;
      annotation = sb_annotation_new (kind, sqlite3_column_int (stmt, 2));
      annotation->id = sqlite3_column_int64 (stmt, 0);
      annotation->area.x1 = sqlite3_column_double (stmt, 3);
      annotation->area.y1 = sqlite3_column_double (stmt, 4);
      annotation->area.x2 = sqlite3_column_double (stmt, 5);
      annotation->area.y2 = sqlite3_column_double (stmt, 6);
      geometry = sb_column_dup_text (stmt, 7);
      sb_annotation_set_geometry (annotation, geometry);
      colour = sb_column_dup_text (stmt, 8);
      sb_annotation_set_colour (annotation, colour);
      g_free (annotation->author);
      annotation->author = sb_column_dup_text (stmt, 9);
      created = sb_column_dup_text (stmt, 10);
      date = created != NULL ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
      if (date != NULL)
        {
          g_date_time_unref (annotation->date);
          annotation->date = date;
        }
      g_free (annotation->contents);
      annotation->contents = sb_column_dup_text (stmt, 11);
      if (annotation->author == NULL)
        annotation->author = g_strdup ("");
      if (annotation->contents == NULL)
        annotation->contents = g_strdup ("");
      g_ptr_array_add (annotations, annotation);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&annotations);
}
