/* sb-draft.c: what a step wizard holds before it is submitted
 *
 * A draft is a set of fields, each a key and a text value, kept one row
 * per field: saving what a keystroke changed rewrites one small row in one
 * short transaction, which the write-ahead log keeps even if the process
 * is killed the moment after.  An empty value removes the field.
 */
#define G_LOG_DOMAIN "sb-draft"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-draft.h"

static const char * const kind_names[] = {
  [SB_DRAFT_KIND_APPLICATION] = "application",
  [SB_DRAFT_KIND_PLAN] = "plan",
};

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

const char *
sb_draft_kind_to_string (SbDraftKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

static gboolean
kind_from_string (const char  *text,
                  SbDraftKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * sb_draft_create:
 * @base_id: the base the draft is for (a plan), or 0 (an application)
 *
 * Returns: the new draft's id, or 0 with @error set
 */
gint64
sb_draft_create (SbDatabase   *database,
                 SbDraftKind   kind,
                 gint64        base_id,
                 GError      **error)
{
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (database), 0);

  stmt = sb_database_prepare (database,
                              "INSERT INTO drafts (kind, base_id, created_at, updated_at)"
                              " VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, sb_draft_kind_to_string (kind), -1, SQLITE_STATIC);
  if (base_id > 0)
    sqlite3_bind_int64 (stmt, 2, base_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);

  if (!sb_database_step_done (database, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (sb_database_get_handle (database));
}

static gboolean
write_field (SbDatabase  *database,
             gint64       draft_id,
             const char  *key,
             const char  *value,
             GError     **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL || value[0] == '\0')
    stmt = sb_database_prepare (database,
                                "DELETE FROM draft_fields WHERE draft_id = ? AND key = ?",
                                error);
  else
    stmt = sb_database_prepare (database,
                                "INSERT INTO draft_fields (draft_id, key, value) VALUES (?, ?, ?)"
                                " ON CONFLICT (draft_id, key) DO UPDATE SET value = excluded.value",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, draft_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (value != NULL && value[0] != '\0')
    sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);

  return sb_database_step_done (database, stmt, error);
}

static gboolean
touch (SbDatabase  *database,
       gint64       draft_id,
       GError     **error)
{
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (database, "UPDATE drafts SET updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, draft_id);
  if (!sb_database_step_done (database, stmt, error))
    return FALSE;

  if (sqlite3_changes (sb_database_get_handle (database)) == 0)
    {
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_FOUND,
                   _("The draft has been deleted"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_draft_save_fields:
 * @changes: (element-type utf8 utf8): keys and their new values; an empty
 *   or %NULL value removes the field
 *
 * Saves every change in one transaction.
 */
gboolean
sb_draft_save_fields (SbDatabase  *database,
                      gint64       draft_id,
                      GHashTable  *changes,
                      GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SB_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!sb_database_begin (database, error))
    return FALSE;

  if (!touch (database, draft_id, error))
    goto failed;

  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!write_field (database, draft_id, key, value, error))
      goto failed;

  return sb_database_commit (database, error);

failed:
  sb_database_rollback (database);
  return FALSE;
}

gboolean
sb_draft_set_field (SbDatabase  *database,
                    gint64       draft_id,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (key != NULL, FALSE);

  g_hash_table_insert (changes, (char *) key, (char *) value);

  return sb_draft_save_fields (database, draft_id, changes, error);
}

/**
 * sb_draft_set_title:
 * @title: what the list of drafts calls it, e.g. the lead unit's name
 * @step: the step shown last, where reopening continues
 */
gboolean
sb_draft_set_title (SbDatabase  *database,
                    gint64       draft_id,
                    const char  *title,
                    int          step,
                    GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (database), FALSE);

  stmt = sb_database_prepare (database,
                              "UPDATE drafts SET title = ?, step = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, title ? title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, step);
  sqlite3_bind_int64 (stmt, 3, draft_id);

  return sb_database_step_done (database, stmt, error);
}

static void
read_info (sqlite3_stmt *stmt,
           SbDraftInfo  *info)
{
  g_autofree char *kind = sb_column_dup_text (stmt, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  if (!kind_from_string (kind, &info->kind))
    info->kind = SB_DRAFT_KIND_APPLICATION;
  info->base_id = sqlite3_column_int64 (stmt, 2);
  info->title = sb_column_dup_text (stmt, 3);
  info->step = sqlite3_column_int (stmt, 4);
  info->updated_at = sb_column_dup_text (stmt, 5);
}

#define INFO_COLUMNS "id, kind, base_id, title, step, updated_at"

/**
 * sb_draft_load:
 * @info: (out caller-allocates) (optional): the draft's kind, base, title
 *
 * Returns: (transfer full) (element-type utf8 utf8): the draft's fields,
 *   or %NULL with @error set
 */
GHashTable *
sb_draft_load (SbDatabase   *database,
               gint64        draft_id,
               SbDraftInfo  *info,
               GError      **error)
{
  g_autoptr(GHashTable) fields = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database, "SELECT " INFO_COLUMNS " FROM drafts WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, draft_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && info != NULL)
    read_info (stmt, info);
  if (rc != SQLITE_ROW)
    {
      if (!sb_database_finish_rows (database, stmt, rc, error))
        return NULL;
      g_set_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_FOUND,
                   _("The draft no longer exists: it was submitted or deleted"));
      return NULL;
    }
  sqlite3_reset (stmt);

  fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt = sb_database_prepare (database,
                              "SELECT key, value FROM draft_fields WHERE draft_id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, draft_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (fields, sb_column_dup_text (stmt, 0), sb_column_dup_text (stmt, 1));
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&fields);
}

/**
 * sb_draft_list:
 * @base_id: only the drafts of this base, or 0 for every draft of @kind
 *
 * Returns: (transfer full) (element-type SbDraftInfo): the drafts, the
 *   most recently changed first
 */
GPtrArray *
sb_draft_list (SbDatabase   *database,
               SbDraftKind   kind,
               gint64        base_id,
               GError      **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_draft_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT " INFO_COLUMNS " FROM drafts WHERE kind = ?1"
                              " AND (?2 = 0 OR base_id = ?2)"
                              " ORDER BY updated_at DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, sb_draft_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, base_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbDraftInfo *info = g_new0 (SbDraftInfo, 1);

      read_info (stmt, info);
      g_ptr_array_add (drafts, info);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&drafts);
}

/**
 * sb_draft_find_for_base:
 *
 * Returns: the newest draft of @kind for @base_id, or 0
 */
gint64
sb_draft_find_for_base (SbDatabase  *database,
                        SbDraftKind  kind,
                        gint64       base_id)
{
  g_autoptr(GPtrArray) drafts = sb_draft_list (database, kind, base_id, NULL);

  if (drafts == NULL || drafts->len == 0 || base_id <= 0)
    return 0;

  return ((SbDraftInfo *) g_ptr_array_index (drafts, 0))->id;
}

gboolean
sb_draft_delete (SbDatabase  *database,
                 gint64       draft_id,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (database), FALSE);

  stmt = sb_database_prepare (database, "DELETE FROM drafts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, draft_id);

  return sb_database_step_done (database, stmt, error);
}

void
sb_draft_info_clear (SbDraftInfo *info)
{
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->updated_at, g_free);
}

void
sb_draft_info_free (SbDraftInfo *info)
{
  sb_draft_info_clear (info);
  g_free (info);
}
