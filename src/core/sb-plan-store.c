/* sb-plan-store.c: the construction plan of a base (Art. 16)
 *
 * The plan is due 30 working days after approval, counted on the
 * statutory calendar; the wizard shows that deadline as sb-deadlines
 * computes it, never as typed.  Submitting writes the plan's goals, tasks
 * with their yearly milestones, team, co-builders and budget, then takes
 * the submit-plan step of the life cycle, all in one transaction.
 */
#define G_LOG_DOMAIN "sb-plan-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sb-credit-code.h"
#include "sb-date.h"
#include "sb-deadlines.h"
#include "sb-draft.h"
#include "sb-plan-store.h"
#include "sb-standard-designation.h"

G_DEFINE_QUARK (sb-plan-error-quark, sb_plan_error)

/**
 * sb_plan_get_deadline:
 *
 * Fills @deadline for @base_id on @today; a base that has not been
 * approved is an error.  If the calendar lacks a year it needs,
 * @deadline->problem says so and the dates are cleared.
 */
gboolean
sb_plan_get_deadline (SbBaseStore     *store,
                      gint64           base_id,
                      const GDate     *today,
                      SbPlanDeadline  *deadline,
                      GError         **error)
{
  g_autoptr(GArray) deadlines = NULL;
  SbBaseFacts facts;

  g_return_val_if_fail (SB_IS_BASE_STORE (store), FALSE);
  g_return_val_if_fail (deadline != NULL, FALSE);

  memset (deadline, 0, sizeof *deadline);
  g_date_clear (&deadline->approved, 1);
  g_date_clear (&deadline->due, 1);

  if (!sb_base_store_read_facts (store, base_id, &facts, error))
    return FALSE;

  if (!g_date_valid (&facts.approved))
    {
      g_set_error (error, SB_PLAN_ERROR, SB_PLAN_ERROR_NOT_PREPARING,
                   _("The base has not been approved for preparation, so no construction plan is due"));
      return FALSE;
    }

  deadline->approved = facts.approved;
  deadline->cycle_months = facts.cycle_months;

  deadlines = sb_deadlines_compute (&facts, sb_base_store_get_calendar (store),
                                    sb_base_store_get_rules (store), today);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const SbDeadline *d = &g_array_index (deadlines, SbDeadline, i);
      int count;

      if (d->kind != SB_DEADLINE_CONSTRUCTION_PLAN)
        continue;

      if (d->status == SB_DEADLINE_STATUS_UNKNOWN || !g_date_valid (&d->date))
        {
          deadline->problem = g_strdup (d->problem);
          break;
        }

      deadline->due = d->date;
      if (!sb_calendar_working_days_between (sb_base_store_get_calendar (store), today, &d->date,
                                             &count, NULL))
        {
          /* No calendar for today's year: say so rather than guess. */
          deadline->problem = g_strdup (_("The statutory calendar has no data for today’s year, so the working days left cannot be counted"));
          count = 0;
        }
      deadline->working_days_left = count;
      deadline->overdue = g_date_compare (today, &d->date) > 0;
      break;
    }

  for (guint i = 0; i < deadlines->len; i++)
    g_free (g_array_index (deadlines, SbDeadline, i).problem);

  return TRUE;
}

void
sb_plan_deadline_clear (SbPlanDeadline *deadline)
{
  g_clear_pointer (&deadline->problem, g_free);
}

/**
 * sb_plan_milestone_date:
 *
 * The date a milestone of @year falls due: the end of that year of the
 * cycle, and for the last year the end of the cycle itself.
 */
void
sb_plan_milestone_date (const GDate *approved,
                        int          cycle_months,
                        int          year,
                        GDate       *date)
{
  int months = MIN (year * 12, cycle_months > 0 ? cycle_months : 36);

  sb_date_add_months_to (approved, months, date);
}

static gboolean
step (SbDatabase    *database,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  return stmt != NULL && sb_database_step_done (database, stmt, error);
}

static gboolean
write_tasks (SbDatabase   *database,
             gint64        base_id,
             GHashTable   *values,
             const GDate  *approved,
             int           cycle_months,
             int           years,
             GError      **error)
{
  guint count = sb_form_get_count (values, "task.count");

  for (guint i = 0; i < count; i++)
    {
      sqlite3_stmt *stmt;
      gint64 task_id;

      stmt = sb_database_prepare (database,
                                  "INSERT INTO plan_tasks (base_id, position, title, owner,"
                                  " standards_international, standards_national,"
                                  " standards_industry, standards_local, standards_group,"
                                  " services, training)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, base_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, sb_form_get_indexed (values, "task", i, "title"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, sb_form_get_indexed (values, "task", i, "owner"), -1, SQLITE_TRANSIENT);
      for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
        {
          g_autofree char *suffix = g_strdup_printf ("out.%s", sb_plan_output_key (level));

          sqlite3_bind_int (stmt, 5 + level,
                            atoi (sb_form_get_indexed (values, "task", i, suffix)));
        }
      sqlite3_bind_int (stmt, 10, atoi (sb_form_get_indexed (values, "task", i, "services")));
      sqlite3_bind_int (stmt, 11, atoi (sb_form_get_indexed (values, "task", i, "training")));
      if (!step (database, stmt, error))
        return FALSE;
      task_id = sqlite3_last_insert_rowid (sb_database_get_handle (database));

      for (int y = 1; y <= years; y++)
        {
          g_autofree char *suffix = g_strdup_printf ("milestone.%d", y);
          GDate date;

          sb_plan_milestone_date (approved, cycle_months, y, &date);
          stmt = sb_database_prepare (database,
                                      "INSERT INTO plan_milestones (task_id, year, date, title)"
                                      " VALUES (?, ?, ?, ?)",
                                      error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, task_id);
          sqlite3_bind_int (stmt, 2, y);
          sb_bind_date (stmt, 3, &date);
          sqlite3_bind_text (stmt, 4, sb_form_get_indexed (values, "task", i, suffix), -1, SQLITE_TRANSIENT);
          if (!step (database, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_rest (SbBaseStore  *store,
            gint64        base_id,
            GHashTable   *values,
            int           years,
            GError      **error)
{
  SbDatabase *database = sb_base_store_get_database (store);
  guint team = sb_form_get_count (values, "team.count");
  guint co_builders = sb_form_get_count (values, "cob.count");
  sqlite3_stmt *stmt;

  for (guint i = 0; i < team; i++)
    {
      stmt = sb_database_prepare (database,
                                  "INSERT INTO plan_team (base_id, position, name, role, organisation)"
                                  " VALUES (?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, base_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, sb_form_get_indexed (values, "team", i, "name"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, sb_form_get_indexed (values, "team", i, "role"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, sb_form_get_indexed (values, "team", i, "organisation"), -1, SQLITE_TRANSIENT);
      if (!step (database, stmt, error))
        return FALSE;
    }

  for (int y = 1; y <= years; y++)
    for (guint s = 0; s < SB_PLAN_N_SOURCES; s++)
      {
        double amount = sb_plan_form_get_budget (values, y, s);

        if (amount <= 0)
          continue;
        stmt = sb_database_prepare (database,
                                    "INSERT INTO plan_budget (base_id, year, source, amount)"
                                    " VALUES (?, ?, ?, ?)",
                                    error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, base_id);
        sqlite3_bind_int (stmt, 2, y);
        sqlite3_bind_text (stmt, 3, sb_plan_source_to_string (s), -1, SQLITE_STATIC);
        sqlite3_bind_double (stmt, 4, amount);
        if (!step (database, stmt, error))
          return FALSE;
      }

  for (guint i = 0; i < co_builders; i++)
    {
      g_autofree char *code = sb_credit_code_normalise (sb_form_get_indexed (values, "cob", i, "code"));
      gint64 id = 0;
      int rc;

      stmt = sb_database_prepare (database, "SELECT id FROM organisations WHERE credit_code = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
        return FALSE;

      if (id == 0)
        {
          SbOrganisationInput input = { 0 };

          input.name = sb_form_get_indexed (values, "cob", i, "name");
          input.credit_code = code;
          input.kind = "enterprise";
          input.legal_person = TRUE;
          id = sb_base_store_add_organisation (store, &input, error);
          if (id == 0)
            return FALSE;
        }

      stmt = sb_database_prepare (database,
                                  "INSERT OR IGNORE INTO base_units (base_id, organisation_id, role, position)"
                                  " VALUES (?1, ?2, 'co_builder', ?3)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, base_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int (stmt, 3, i);
      if (!step (database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sb_plan_submit:
 * @values: the plan, as sb-plan-form.h describes it
 * @draft_id: the draft it came from, deleted once submitted, or 0
 *
 * Checks and records the plan of @base_id and takes the submit-plan step
 * (Art. 16) on @today, by the applicant.
 */
gboolean
sb_plan_submit (SbBaseStore  *store,
                gint64        base_id,
                GHashTable   *values,
                gint64        draft_id,
                const char   *actor,
                const GDate  *today,
                GError      **error)
{
  SbDatabase *database;
  g_autoptr(GPtrArray) errors = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;
  sqlite3_stmt *stmt;
  int years;

  g_return_val_if_fail (SB_IS_BASE_STORE (store), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  database = sb_base_store_get_database (store);
  if (!sb_base_store_read_facts (store, base_id, &facts, error))
    return FALSE;
  if (facts.state != SB_BASE_STATE_PREPARING || !g_date_valid (&facts.approved))
    {
      g_set_error (error, SB_PLAN_ERROR, SB_PLAN_ERROR_NOT_PREPARING,
                   _("Only a base that is preparing submits a construction plan (Art. 16)"));
      return FALSE;
    }

  years = sb_plan_cycle_years (facts.cycle_months);
  errors = sb_plan_form_check (values, years);
  if (errors->len > 0)
    {
      const SbFieldError *first = g_ptr_array_index (errors, 0);

      g_set_error (error, SB_PLAN_ERROR, SB_PLAN_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The plan cannot be submitted yet: %s",
                                "The plan cannot be submitted yet: %s (and %u more)",
                                errors->len),
                   first->message, errors->len - 1);
      return FALSE;
    }

  if (!sb_database_begin (database, error))
    return FALSE;

  stmt = sb_database_prepare (database,
                              "INSERT INTO plans (base_id, goals, submitted_date) VALUES (?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_text (stmt, 2, sb_form_get (values, "goals"), -1, SQLITE_TRANSIENT);
  sb_bind_date (stmt, 3, today);
  if (!step (database, stmt, error)
      || !write_tasks (database, base_id, values, &facts.approved, facts.cycle_months, years, error)
      || !write_rest (store, base_id, values, years, error))
    goto failed;

  sb_transition_request_init (&request, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, today);
  request.actor = actor;
  if (!sb_base_store_perform (store, base_id, &request, today, error))
    goto failed;

  if (draft_id > 0 && !sb_draft_delete (database, draft_id, error))
    goto failed;

  return sb_database_commit (database, error);

failed:
  sb_database_rollback (database);
  return FALSE;
}

/**
 * sb_plan_list_milestones:
 *
 * The yearly milestones of @base_id's submitted construction plan, for
 * the timeline: by date, then by the order of the tasks.
 *
 * Returns: (transfer full) (element-type SbPlanMilestone): the
 *   milestones (none before the plan is submitted), or %NULL with @error
 */
GPtrArray *
sb_plan_list_milestones (SbDatabase  *database,
                         gint64       base_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_plan_milestone_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT m.date, m.year, m.title, t.title, t.owner"
                              " FROM plan_milestones m JOIN plan_tasks t ON t.id = m.task_id"
                              " WHERE t.base_id = ? ORDER BY m.date, t.position",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, base_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbPlanMilestone *milestone = g_new0 (SbPlanMilestone, 1);

      sb_column_get_date (stmt, 0, &milestone->date);
      milestone->year = sqlite3_column_int (stmt, 1);
      milestone->title = sb_column_dup_text (stmt, 2);
      milestone->task = sb_column_dup_text (stmt, 3);
      milestone->owner = sb_column_dup_text (stmt, 4);
      g_ptr_array_add (milestones, milestone);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&milestones);
}

void
sb_plan_milestone_free (SbPlanMilestone *milestone)
{
  g_free (milestone->title);
  g_free (milestone->task);
  g_free (milestone->owner);
  g_free (milestone);
}
