/* sb-midterm.c: the mid-term report and the plan adjustments (Art. 19)
 *
 * In the middle of its cycle a base reports its progress against each
 * yearly milestone of its construction plan, with its report as PDF; the
 * report, its progress and its documents are recorded with the life-cycle
 * step in one transaction.  The evaluation that follows may ask for
 * adjustments to the plan, which are recorded against it.
 */

#define G_LOG_DOMAIN "sb-midterm"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-midterm.h"

static const char *progress_ids[SB_N_PROGRESS] = { "not-yet", "partly", "achieved" };

const char *
sb_progress_get_label (SbProgress progress)
{
  static const char *labels[SB_N_PROGRESS] = {
    N_("Not yet"), N_("Partly achieved"), N_("Achieved"),
  };

  g_return_val_if_fail (progress < SB_N_PROGRESS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, labels[progress]);
}

/**
 * sb_midterm_list_items:
 *
 * Returns: (transfer full) (element-type SbMidtermItem): the plan's
 *   milestones by date, with the progress last reported (not yet, when
 *   none was)
 */
GPtrArray *
sb_midterm_list_items (SbDatabase  *database,
                       gint64       base_id,
                       GError     **error)
{
  static const char sql[] =
    "SELECT m.task_id, m.year, m.date, m.title, t.title, p.progress"
    " FROM plan_milestones m JOIN plan_tasks t ON t.id = m.task_id"
    " LEFT JOIN midterm_progress p"
    "  ON p.base_id = t.base_id AND p.task_id = m.task_id AND p.year = m.year"
    " WHERE t.base_id = ? ORDER BY m.date, t.position";
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_midterm_item_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, base_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbMidtermItem *item = g_new0 (SbMidtermItem, 1);
      const char *progress = (const char *) sqlite3_column_text (stmt, 5);

      item->task_id = sqlite3_column_int64 (stmt, 0);
      item->year = sqlite3_column_int (stmt, 1);
      sb_column_get_date (stmt, 2, &item->date);
      item->title = sb_column_dup_text (stmt, 3);
      item->task = sb_column_dup_text (stmt, 4);
      for (SbProgress i = 0; i < SB_N_PROGRESS; i++)
        if (g_strcmp0 (progress, progress_ids[i]) == 0)
          item->progress = i;
      g_ptr_array_add (items, item);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&items);
}

/* The report's progress and documents, then the step: all or nothing.  A
 * summary is required; it is the step's note. */
gboolean
sb_midterm_submit (SbBaseStore  *store,
                   gint64        base_id,
                   GPtrArray    *items,
                   const char   *summary,
                   GArray       *document_ids,
                   const char   *actor,
                   const GDate  *date,
                   const GDate  *today,
                   GError      **error)
{
  static const char progress_sql[] =
    "INSERT INTO midterm_progress (base_id, task_id, year, progress) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (base_id, task_id, year) DO UPDATE SET progress = excluded.progress";
  static const char transition_sql[] =
    "SELECT max (id) FROM transitions WHERE base_id = ?";
  static const char document_sql[] =
    "INSERT INTO transition_documents (transition_id, document_id) VALUES (?, ?)";
  SbDatabase *database = sb_base_store_get_database (store);
  g_autofree char *trimmed = g_strstrip (g_strdup (summary ? summary : ""));
  SbTransitionRequest request;
  sqlite3_stmt *stmt;
  gint64 transition_id = 0;
  int rc;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_INVALID,
                   _("The mid-term report needs a summary of the work so far (Art. 19)"));
      return FALSE;
    }

  if (!sb_database_begin (database, error))
    return FALSE;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SbMidtermItem *item = g_ptr_array_index (items, i);

      stmt = sb_database_prepare (database, progress_sql, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, base_id);
      sqlite3_bind_int64 (stmt, 2, item->task_id);
      sqlite3_bind_int (stmt, 3, item->year);
      sqlite3_bind_text (stmt, 4, progress_ids[item->progress], -1, SQLITE_STATIC);
      if (!sb_database_step_done (database, stmt, error))
        goto failed;
    }

  sb_transition_request_init (&request, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, date);
  request.actor = actor;
  request.note = trimmed;
  if (!sb_base_store_perform (store, base_id, &request, today, error))
    goto failed;

  stmt = sb_database_prepare (database, transition_sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, base_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    transition_id = sqlite3_column_int64 (stmt, 0);
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    goto failed;

  for (guint i = 0; document_ids != NULL && i < document_ids->len; i++)
    {
      stmt = sb_database_prepare (database, document_sql, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, transition_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (document_ids, gint64, i));
      if (!sb_database_step_done (database, stmt, error))
        goto failed;
    }

  return sb_database_commit (database, error);

failed:
  sb_database_rollback (database);
  return FALSE;
}

gboolean
sb_plan_record_adjustment (SbDatabase   *database,
                           gint64        base_id,
                           const GDate  *date,
                           const char   *description,
                           GError      **error)
{
  static const char sql[] =
    "INSERT INTO plan_adjustments (base_id, date, description) VALUES (?, ?, ?)";
  g_autofree char *trimmed = g_strstrip (g_strdup (description ? description : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_INVALID,
                   _("A plan adjustment needs a description"));
      return FALSE;
    }

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sb_bind_date (stmt, 2, date);
  sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_TRANSIENT);

  return sb_database_step_done (database, stmt, error);
}

void
sb_midterm_item_free (SbMidtermItem *item)
{
  if (item == NULL)
    return;

  g_free (item->title);
  g_free (item->task);
  g_free (item);
}
