/* sb-base-store.c: reading and changing the bases of a programme
 *
 * Every change that takes more than one statement runs in one transaction,
 * and every life-cycle step goes through sb_lifecycle_check() first.
 */
#define G_LOG_DOMAIN "sb-base-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb-base-private.h"
#include "sb-base-store.h"
#include "sb-credit-code.h"
#include "sb-date.h"
#include "sb-standard-designation.h"

struct _SbBaseStore
{
  GObject          parent_instance;

  SbDatabase      *database;
  SbCalendar      *calendar;
  SbDeadlineRules  rules;
};

G_DEFINE_FINAL_TYPE (SbBaseStore, sb_base_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sb-base-store-error-quark, sb_base_store_error)

/* The facts the rules judge by, first in every query that reads a base. */
#define FACTS_COLUMNS \
  "b.state, b.cycle_months, b.extension_requested_months, b.extension_months," \
  "  (SELECT sum(1 << (year - 2000)) FROM annual_reports WHERE base_id = b.id)," \
  "  (SELECT sum(1 << (year - 2000)) FROM assessments WHERE base_id = b.id)," \
  "  b.short_name_zh <> '', b.domain_id IS NOT NULL, b.recommender_id IS NOT NULL," \
  "  o.credit_code IS NOT NULL AND o.legal_person AND substr (o.division, 1, 2) = '14'," \
  "  b.submitted_date, b.approval_date, b.plan_submitted_date," \
  "  b.midterm_report_date, b.midterm_evaluated_date," \
  "  b.acceptance_applied_date, b.acceptance_failed_date," \
  "  b.extension_requested_date, b.established_date," \
  "  b.assessment_failed_date, b.rectify_by_date, b.closed_date," \
  "  b.last_transition_date"

enum {
  FACT_STATE, FACT_CYCLE_MONTHS, FACT_EXTENSION_REQUESTED_MONTHS,
  FACT_EXTENSION_MONTHS, FACT_REPORT_YEARS, FACT_ASSESSMENT_YEARS,
  FACT_HAS_SHORT_NAME, FACT_HAS_DOMAIN, FACT_HAS_RECOMMENDER,
  FACT_LEAD_UNIT_ELIGIBLE,  /* Art. 11 (1); the code was checked on entry */
  FACT_FIRST_DATE,          /* the dates, in the order of fact_dates() */
  N_FACT_COLUMNS = FACT_FIRST_DATE + 13
};

/* Only what the rules need, for a step: no joins for names. */
#define FACTS_QUERY \
  "SELECT " FACTS_COLUMNS " FROM bases b" \
  " LEFT JOIN organisations o ON o.id = b.lead_unit_id" \
  " WHERE b.id = ?"

/* A whole base, for the list and the page: the facts, then the names. */
#define BASE_COLUMNS \
  "SELECT " FACTS_COLUMNS "," \
  "  b.id, b.short_name_zh, b.short_name_en, d.code, d.name_zh, d.name_en," \
  "  b.city_code, c.name_zh, c.name_en, o.name, o.credit_code, r.name" \
  " FROM bases b" \
  " LEFT JOIN domains d ON d.id = b.domain_id" \
  " LEFT JOIN cities c ON c.code = b.city_code" \
  " LEFT JOIN organisations o ON o.id = b.lead_unit_id" \
  " LEFT JOIN organisations r ON r.id = b.recommender_id"

enum {
  COL_ID = N_FACT_COLUMNS, COL_SHORT_NAME, COL_SHORT_NAME_EN, COL_DOMAIN_CODE,
  COL_DOMAIN_ZH, COL_DOMAIN_EN, COL_CITY_CODE, COL_CITY_ZH, COL_CITY_EN,
  COL_LEAD_UNIT, COL_CREDIT_CODE, COL_RECOMMENDER,
};

/* The date facts in the order of FACTS_COLUMNS and of the UPDATE below. */
static GDate *
fact_dates (SbBaseFacts *facts,
            guint        index)
{
  GDate *dates[] = {
    &facts->submitted, &facts->approved, &facts->plan_submitted,
    &facts->midterm_report, &facts->midterm_evaluated,
    &facts->acceptance_applied, &facts->acceptance_failed,
    &facts->extension_requested, &facts->established,
    &facts->assessment_failed, &facts->rectify_by, &facts->closed,
    &facts->last_transition,
  };

  return index < G_N_ELEMENTS (dates) ? dates[index] : NULL;
}



static void
facts_from_row (sqlite3_stmt *stmt,
                SbBaseFacts  *facts)
{
  const char *state = (const char *) sqlite3_column_text (stmt, FACT_STATE);

  sb_base_facts_init (facts);
  if (!sb_base_state_from_string (state, &facts->state))
    g_warning ("A base has an unknown state “%s”", state);
  facts->cycle_months = sqlite3_column_int (stmt, FACT_CYCLE_MONTHS);
  facts->extension_requested_months = sqlite3_column_int (stmt, FACT_EXTENSION_REQUESTED_MONTHS);
  facts->extension_months = sqlite3_column_int (stmt, FACT_EXTENSION_MONTHS);
  facts->report_years = sqlite3_column_int64 (stmt, FACT_REPORT_YEARS);
  facts->assessment_years = sqlite3_column_int64 (stmt, FACT_ASSESSMENT_YEARS);
  facts->has_short_name = sqlite3_column_int (stmt, FACT_HAS_SHORT_NAME);
  facts->has_domain = sqlite3_column_int (stmt, FACT_HAS_DOMAIN);
  facts->has_recommender = sqlite3_column_int (stmt, FACT_HAS_RECOMMENDER);
  facts->lead_unit_eligible = sqlite3_column_int (stmt, FACT_LEAD_UNIT_ELIGIBLE);
  for (guint i = 0; fact_dates (facts, i) != NULL; i++)
    sb_column_get_date (stmt, FACT_FIRST_DATE + i, fact_dates (facts, i));
}

static SbBase *
base_from_row (sqlite3_stmt *stmt)
{
  SbBase *base = g_object_new (SB_TYPE_BASE, NULL);

  facts_from_row (stmt, &base->facts);
  base->id = sqlite3_column_int64 (stmt, COL_ID);
  base->short_name = sb_column_dup_text (stmt, COL_SHORT_NAME);
  base->short_name_en = sb_column_dup_text (stmt, COL_SHORT_NAME_EN);
  base->domain_code = sb_column_dup_text (stmt, COL_DOMAIN_CODE);
  base->domain_name_zh = sb_column_dup_text (stmt, COL_DOMAIN_ZH);
  base->domain_name_en = sb_column_dup_text (stmt, COL_DOMAIN_EN);
  base->city_code = sb_column_dup_text (stmt, COL_CITY_CODE);
  base->city_name_zh = sb_column_dup_text (stmt, COL_CITY_ZH);
  base->city_name_en = sb_column_dup_text (stmt, COL_CITY_EN);
  base->lead_unit = sb_column_dup_text (stmt, COL_LEAD_UNIT);
  base->lead_unit_credit_code = sb_column_dup_text (stmt, COL_CREDIT_CODE);
  base->recommender = sb_column_dup_text (stmt, COL_RECOMMENDER);

  return base;
}



static gboolean
not_found (gint64   id,
           GError **error)
{
  g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_NOT_FOUND,
               _("There is no base with the number %lld"), (long long) id);
  return FALSE;
}

/* Tags and co-applicants, for one base (@id > 0) or all: one grouped
 * query each, rather than a subquery per base, keeps a large list fast.
 */
static gboolean
read_tags_and_partners (SbBaseStore  *self,
                        GHashTable   *bases_by_id,
                        gint64        id,
                        GError      **error)
{
  /* Two spellings of each query: "?1 = 0 OR base_id = ?1" would keep
   * SQLite from using the index for one base, and the demo reads one base
   * per step. */
  static const char * const all_queries[] = {
    "SELECT bt.base_id, group_concat (t.code, ' ') FROM base_tags bt"
    " JOIN tags t ON t.id = bt.tag_id GROUP BY bt.base_id",
    "SELECT u.base_id, group_concat (p.name, '、') FROM base_units u"
    " JOIN organisations p ON p.id = u.organisation_id"
    " WHERE u.role = 'co_applicant' GROUP BY u.base_id",
  };
  static const char * const one_queries[] = {
    "SELECT bt.base_id, group_concat (t.code, ' ') FROM base_tags bt"
    " JOIN tags t ON t.id = bt.tag_id WHERE bt.base_id = ?1 GROUP BY bt.base_id",
    "SELECT u.base_id, group_concat (p.name, '、') FROM base_units u"
    " JOIN organisations p ON p.id = u.organisation_id"
    " WHERE u.base_id = ?1 AND u.role = 'co_applicant' GROUP BY u.base_id",
  };
  const char * const *queries = id > 0 ? one_queries : all_queries;

  for (guint q = 0; q < G_N_ELEMENTS (all_queries); q++)
    {
      sqlite3_stmt *stmt = sb_database_prepare (self->database, queries[q], error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      if (id > 0)
        sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 base_id = sqlite3_column_int64 (stmt, 0);
          const char *text = (const char *) sqlite3_column_text (stmt, 1);
          SbBase *base = g_hash_table_lookup (bases_by_id, &base_id);

          if (base == NULL || text == NULL)
            continue;
          if (q == 0)
            {
              g_strfreev (base->tags);
              base->tags = g_strsplit (text, " ", -1);
            }
          else
            {
              g_free (base->co_applicants);
              base->co_applicants = g_strdup (text);
            }
        }
      if (!sb_database_finish_rows (self->database, stmt, rc, error))
        return FALSE;
    }

  return TRUE;
}

static void
compute_next_deadline (SbBaseStore *self,
                       SbBase      *base,
                       const GDate *today)
{
  g_autoptr(GArray) deadlines = sb_deadlines_compute (&base->facts, self->calendar,
                                                      &self->rules, today);

  sb_base_set_next_deadline (base, sb_deadlines_find_next (deadlines));

  base->judged_on = *today;
  memset (base->deadline_counts, 0, sizeof base->deadline_counts);
  for (guint i = 0; i < deadlines->len; i++)
    base->deadline_counts[g_array_index (deadlines, SbDeadline, i).status]++;
}

/* A filter names a state ("extended") or a whole phase ("constructing"). */
static gboolean
state_matches (SbBaseState  state,
               const char  *filter)
{
  SbBaseState wanted;
  SbPhase phase;

  if (filter == NULL)
    return TRUE;
  if (sb_base_state_from_string (filter, &wanted) && wanted == state)
    return TRUE;
  if (sb_phase_from_string (filter, &phase) && sb_base_state_get_phase (state) == phase)
    return TRUE;

  return FALSE;
}

static void
load_rules (SbBaseStore *self)
{
  g_autofree char *midterm = sb_database_get_setting (self->database, "midterm-percent");
  g_autofree char *report = sb_database_get_setting (self->database, "annual-report-due");
  g_autofree char *assessment = sb_database_get_setting (self->database, "annual-assessment-due");
  int month, day;

  sb_deadline_rules_init_default (&self->rules);

  if (midterm != NULL && atoi (midterm) > 0 && atoi (midterm) < 100)
    self->rules.midterm_percent = atoi (midterm);
  if (report != NULL && sscanf (report, "%d-%d", &month, &day) == 2
      && g_date_valid_dmy (day, month, 2001))
    {
      self->rules.report_due_month = month;
      self->rules.report_due_day = day;
    }
  if (assessment != NULL && sscanf (assessment, "%d-%d", &month, &day) == 2
      && g_date_valid_dmy (day, month, 2001))
    {
      self->rules.assessment_due_month = month;
      self->rules.assessment_due_day = day;
    }
}

/**
 * sb_base_store_read_facts:
 *
 * Reads only what the life-cycle rules judge a base by, for callers that
 * check a step before taking it.
 */
gboolean
sb_base_store_read_facts (SbBaseStore  *self,
                          gint64        id,
                          SbBaseFacts  *facts,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (self->database, FACTS_QUERY, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    facts_from_row (stmt, facts);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return not_found (id, error);
  if (rc != SQLITE_ROW)
    return sb_database_set_error (self->database, rc, error);

  return TRUE;
}

static SbBase *
read_base (SbBaseStore  *self,
           gint64        id,
           GError      **error)
{
  SbBase *base = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (self->database, BASE_COLUMNS " WHERE b.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    base = base_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    not_found (id, error);
  else if (rc != SQLITE_ROW)
    sb_database_set_error (self->database, rc, error);

  return base;
}

static gboolean
save_facts (SbBaseStore       *self,
            gint64             id,
            const SbBaseFacts *facts,
            GError           **error)
{
  sqlite3_stmt *stmt;
  SbBaseFacts copy = *facts;

  stmt = sb_database_prepare (self->database,
                              "UPDATE bases SET state = ?, cycle_months = ?,"
                              " extension_requested_months = ?, extension_months = ?,"
                              " submitted_date = ?, approval_date = ?,"
                              " plan_submitted_date = ?, midterm_report_date = ?,"
                              " midterm_evaluated_date = ?, acceptance_applied_date = ?,"
                              " acceptance_failed_date = ?, extension_requested_date = ?,"
                              " established_date = ?, assessment_failed_date = ?,"
                              " rectify_by_date = ?, closed_date = ?,"
                              " last_transition_date = ?"
                              " WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sb_base_state_to_string (facts->state), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, facts->cycle_months);
  sqlite3_bind_int (stmt, 3, facts->extension_requested_months);
  sqlite3_bind_int (stmt, 4, facts->extension_months);
  for (guint i = 0; fact_dates (&copy, i) != NULL; i++)
    sb_bind_date (stmt, 5 + i, fact_dates (&copy, i));
  sqlite3_bind_int64 (stmt, 18, id);

  return sb_database_step_done (self->database, stmt, error);
}

static gboolean
insert_transition (SbBaseStore               *self,
                   gint64                     id,
                   SbBaseState                from,
                   SbBaseState                to,
                   const SbTransitionRequest *request,
                   GError                   **error)
{
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (self->database,
                              "INSERT INTO transitions (base_id, action, from_state,"
                              " to_state, date, role, actor, note, months, year,"
                              " deadline, recorded_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                              "  strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, sb_action_to_string (request->action), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sb_base_state_to_string (from), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sb_base_state_to_string (to), -1, SQLITE_STATIC);
  sb_bind_date (stmt, 5, &request->date);
  sqlite3_bind_text (stmt, 6, sb_role_to_string (request->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, request->actor ? request->actor : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, request->note ? request->note : "", -1, SQLITE_TRANSIENT);
  if (request->months > 0)
    sqlite3_bind_int (stmt, 9, request->months);
  if (request->year > 0)
    sqlite3_bind_int (stmt, 10, request->year);
  sb_bind_date (stmt, 11, &request->deadline);

  return sb_database_step_done (self->database, stmt, error);
}

/* The rows an annual step starts; their figures are filled in after. */
static gboolean
insert_annual_rows (SbBaseStore               *self,
                    gint64                     id,
                    const SbTransitionRequest *request,
                    GError                   **error)
{
  sqlite3_stmt *stmt;

  switch (request->action)
    {
    case SB_ACTION_SUBMIT_ANNUAL_REPORT:
      stmt = sb_database_prepare (self->database,
                                  "INSERT INTO annual_reports (base_id, year, submitted_date)"
                                  " VALUES (?, ?, ?)", error);
      break;
    case SB_ACTION_PASS_ASSESSMENT:
    case SB_ACTION_FAIL_ASSESSMENT:
      stmt = sb_database_prepare (self->database,
                                  "INSERT INTO assessments (base_id, year, date, passed, comments)"
                                  " VALUES (?, ?, ?, ?, ?)", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int (stmt, 4, request->action == SB_ACTION_PASS_ASSESSMENT);
          sqlite3_bind_text (stmt, 5, request->note ? request->note : "", -1, SQLITE_TRANSIENT);
        }
      break;
    case SB_ACTION_SUBMIT:
    case SB_ACTION_RECOMMEND:
    case SB_ACTION_RETURN:
    case SB_ACTION_PASS_FORMAL_REVIEW:
    case SB_ACTION_COMPLETE_EXPERT_REVIEW:
    case SB_ACTION_APPROVE:
    case SB_ACTION_REJECT:
    case SB_ACTION_SUBMIT_PLAN:
    case SB_ACTION_SUBMIT_MIDTERM_REPORT:
    case SB_ACTION_EVALUATE_MIDTERM:
    case SB_ACTION_APPLY_FOR_ACCEPTANCE:
    case SB_ACTION_PASS_ACCEPTANCE:
    case SB_ACTION_FAIL_ACCEPTANCE:
    case SB_ACTION_REQUEST_EXTENSION:
    case SB_ACTION_GRANT_EXTENSION:
    case SB_ACTION_REFUSE_EXTENSION:
    case SB_ACTION_REVOKE:
    case SB_ACTION_PASS_RECHECK:
    case SB_ACTION_FAIL_RECHECK:
    case SB_N_ACTIONS:
    default:
      return TRUE;
    }

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, request->year);
  sb_bind_date (stmt, 3, &request->date);

  return sb_database_step_done (self->database, stmt, error);
}

static void
sb_base_store_dispose (GObject *object)
{
  SbBaseStore *self = (SbBaseStore *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (sb_base_store_parent_class)->dispose (object);
}

static void
sb_base_store_class_init (SbBaseStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_base_store_dispose;
}

static void
sb_base_store_init (SbBaseStore *self)
{
  sb_deadline_rules_init_default (&self->rules);
}

SbBaseStore *
sb_base_store_new (SbDatabase *database,
                   SbCalendar *calendar)
{
  SbBaseStore *self;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (SB_IS_CALENDAR (calendar), NULL);

  self = g_object_new (SB_TYPE_BASE_STORE, NULL);
  self->database = g_object_ref (database);
  self->calendar = g_object_ref (calendar);
  load_rules (self);

  return self;
}

SbDatabase *
sb_base_store_get_database (SbBaseStore *self)
{
  g_return_val_if_fail (SB_IS_BASE_STORE (self), NULL);

  return self->database;
}

SbCalendar *
sb_base_store_get_calendar (SbBaseStore *self)
{
  g_return_val_if_fail (SB_IS_BASE_STORE (self), NULL);

  return self->calendar;
}

const SbDeadlineRules *
sb_base_store_get_rules (SbBaseStore *self)
{
  g_return_val_if_fail (SB_IS_BASE_STORE (self), NULL);

  return &self->rules;
}

/**
 * sb_base_store_list:
 * @filter: (nullable): which bases
 * @today: the date the next deadlines are judged on
 *
 * Returns: (transfer full) (element-type SbBase): the bases, by number
 */
GPtrArray *
sb_base_store_list (SbBaseStore         *self,
                    const SbBaseFilter  *filter,
                    const GDate         *today,
                    GError             **error)
{
  static const SbBaseFilter no_filter = { 0 };
  g_autoptr(GPtrArray) bases = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (filter == NULL)
    filter = &no_filter;

  stmt = sb_database_prepare (self->database,
                              BASE_COLUMNS
                              " WHERE (?1 IS NULL OR d.code = ?1)"
                              " AND (?2 IS NULL OR b.city_code = ?2)"
                              " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM base_tags bt"
                              "   JOIN tags t ON t.id = bt.tag_id"
                              "   WHERE bt.base_id = b.id AND t.code = ?3))"
                              " ORDER BY b.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sb_bind_text_or_null (stmt, 1, filter->domain_code);
  sb_bind_text_or_null (stmt, 2, filter->city_code);
  sb_bind_text_or_null (stmt, 3, filter->tag_code);

  bases = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SbBase) base = base_from_row (stmt);

      if (!state_matches (base->facts.state, filter->state))
        continue;

      compute_next_deadline (self, base, today);
      g_ptr_array_add (bases, g_steal_pointer (&base));
    }
  if (!sb_database_finish_rows (self->database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&bases);
}

/**
 * sb_base_store_read_search_data:
 * @bases: (element-type SbBase): bases from sb_base_store_list()
 *
 * Adds to @bases what searching and filtering need beyond the list: their
 * six-new tags and their co-applicants' names.  Kept apart from the list,
 * which a first window must show as fast as it can.
 */
gboolean
sb_base_store_read_search_data (SbBaseStore  *self,
                                GPtrArray    *bases,
                                GError      **error)
{
  g_autoptr(GHashTable) by_id = NULL;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);
  g_return_val_if_fail (bases != NULL, FALSE);

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      g_hash_table_insert (by_id, &base->id, base);
    }

  return read_tags_and_partners (self, by_id, bases->len == 1 ? sb_base_get_id (g_ptr_array_index (bases, 0)) : 0, error);
}

SbBase *
sb_base_store_load (SbBaseStore  *self,
                    gint64        id,
                    const GDate  *today,
                    GError      **error)
{
  g_autoptr(GHashTable) by_id = NULL;
  SbBase *base;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  base = read_base (self, id, error);
  if (base == NULL)
    return NULL;

  /* A single base is read whole: its page shows tags and co-applicants. */
  g_hash_table_insert (by_id, &base->id, base);
  if (!read_tags_and_partners (self, by_id, id, error))
    {
      g_object_unref (base);
      return NULL;
    }
  compute_next_deadline (self, base, today);

  return base;
}

/**
 * sb_base_store_list_deadlines:
 *
 * Returns: (transfer full) (element-type SbDeadline): all of @base's
 *   deadlines as of @today
 */
GArray *
sb_base_store_list_deadlines (SbBaseStore *self,
                              SbBase      *base,
                              const GDate *today)
{
  g_return_val_if_fail (SB_IS_BASE_STORE (self), NULL);
  g_return_val_if_fail (SB_IS_BASE (base), NULL);

  return sb_deadlines_compute (&base->facts, self->calendar, &self->rules, today);
}

/**
 * sb_base_store_list_transitions:
 *
 * The history is read from the audit log, which nobody edits (sb-audit.c),
 * so it shows what was recorded even if a row of the transitions table was
 * changed or removed behind the application's back.  Steps recorded before
 * the log began (a database from schema version 1) come from the table.
 *
 * Returns: (transfer full) (element-type SbTransitionRecord): the steps
 *   recorded for base @id, oldest first
 */
GPtrArray *
sb_base_store_list_transitions (SbBaseStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), NULL);

  stmt = sb_database_prepare (self->database,
                              "SELECT json_extract (payload, '$.id') AS id,"
                              " json_extract (payload, '$.action'),"
                              " json_extract (payload, '$.from_state'),"
                              " json_extract (payload, '$.to_state'),"
                              " json_extract (payload, '$.date'),"
                              " json_extract (payload, '$.role'),"
                              " json_extract (payload, '$.actor'),"
                              " json_extract (payload, '$.note')"
                              " FROM audit_log WHERE base_id = ?1"
                              " AND entity = 'transitions' AND operation = 'insert'"
                              " UNION ALL"
                              " SELECT id, action, from_state, to_state, date, role, actor, note"
                              " FROM transitions WHERE base_id = ?1"
                              " AND id < IFNULL ((SELECT json_extract (payload, '$.id') FROM audit_log"
                              "  WHERE entity = 'transitions' ORDER BY seq LIMIT 1), 1 << 62)"
                              " ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_transition_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbTransitionRecord *record = g_new0 (SbTransitionRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->action = sb_column_dup_text (stmt, 1);
      record->from_state = sb_column_dup_text (stmt, 2);
      record->to_state = sb_column_dup_text (stmt, 3);
      record->date = sb_column_dup_text (stmt, 4);
      record->role = sb_column_dup_text (stmt, 5);
      record->actor = sb_column_dup_text (stmt, 6);
      record->note = sb_column_dup_text (stmt, 7);
      g_ptr_array_add (records, record);
    }
  if (!sb_database_finish_rows (self->database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&records);
}

gboolean
sb_base_store_has_domain (SbBaseStore *self,
                          const char  *code)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);

  stmt = sb_database_prepare (self->database, "SELECT 1 FROM domains WHERE code = ?", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/**
 * sb_base_store_add_organisation:
 *
 * Adds a unit after checking its credit code.
 *
 * Returns: the new organisation's id, or 0 on error
 */
gint64
sb_base_store_add_organisation (SbBaseStore                *self,
                                const SbOrganisationInput  *input,
                                GError                    **error)
{
  SbCreditCode code;
  char city_code[5] = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), 0);
  g_return_val_if_fail (input != NULL && input->name != NULL, 0);

  if (!sb_credit_code_parse (input->credit_code, SB_CREDIT_CODE_FLAGS_NONE, &code, error))
    return 0;
  if (g_str_has_prefix (code.division, "14"))
    memcpy (city_code, code.division, 4);

  stmt = sb_database_prepare (self->database,
                              "INSERT INTO organisations (name, credit_code, division,"
                              " kind, legal_person, address, contact_name,"
                              " contact_phone, contact_email, city_code)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                              "  (SELECT code FROM cities WHERE code = ?))",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, input->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, code.code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, code.division, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, input->kind ? input->kind : "enterprise", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, input->legal_person);
  sb_bind_text_or_null (stmt, 6, input->address);
  sb_bind_text_or_null (stmt, 7, input->contact_name);
  sb_bind_text_or_null (stmt, 8, input->contact_phone);
  sb_bind_text_or_null (stmt, 9, input->contact_email);
  sqlite3_bind_text (stmt, 10, city_code, -1, SQLITE_TRANSIENT);

  if (!sb_database_step_done (self->database, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (sb_database_get_handle (self->database));
}

/**
 * sb_base_store_find_recommender:
 * @city_code: (nullable): a city, for its standardisation authority
 * @index: without a city, which industry department
 *
 * Returns: the recommender's organisation id, or 0
 */
gint64
sb_base_store_find_recommender (SbBaseStore *self,
                                const char  *city_code,
                                int          index)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), 0);

  stmt = sb_database_prepare (self->database,
                              "SELECT id FROM organisations"
                              " WHERE (?1 IS NOT NULL AND kind = 'city_authority' AND city_code = ?1)"
                              "  OR (?1 IS NULL AND kind = 'industry_department')"
                              " ORDER BY id LIMIT 1 OFFSET ?2",
                              NULL);
  if (stmt == NULL)
    return 0;

  sb_bind_text_or_null (stmt, 1, city_code);
  sqlite3_bind_int (stmt, 2, city_code ? 0 : index);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/**
 * sb_base_store_create_base:
 *
 * Starts a draft application.
 *
 * Returns: the new base's id, or 0 on error
 */
gint64
sb_base_store_create_base (SbBaseStore  *self,
                           const char   *short_name,
                           const char   *short_name_en,
                           const char   *domain_code,
                           gint64        lead_unit_id,
                           gint64        recommender_id,
                           const char   *city_code,
                           const GDate  *created,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), 0);
  g_return_val_if_fail (short_name != NULL, 0);
  g_return_val_if_fail (created != NULL && g_date_valid (created), 0);

  if (domain_code != NULL && !sb_base_store_has_domain (self, domain_code))
    {
      g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_INVALID,
                   _("There is no domain “%s”"), domain_code);
      return 0;
    }

  stmt = sb_database_prepare (self->database,
                              "INSERT INTO bases (short_name_zh, short_name_en,"
                              " domain_id, lead_unit_id, recommender_id, city_code,"
                              " created_date, last_transition_date)"
                              " VALUES (?, ?, (SELECT id FROM domains WHERE code = ?),"
                              "  ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, short_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, short_name_en ? short_name_en : "", -1, SQLITE_TRANSIENT);
  sb_bind_text_or_null (stmt, 3, domain_code);
  if (lead_unit_id > 0)
    sqlite3_bind_int64 (stmt, 4, lead_unit_id);
  if (recommender_id > 0)
    sqlite3_bind_int64 (stmt, 5, recommender_id);
  sb_bind_text_or_null (stmt, 6, city_code);
  sb_bind_date (stmt, 7, created);
  sb_bind_date (stmt, 8, created);

  if (!sb_database_step_done (self->database, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (sb_database_get_handle (self->database));
}

gboolean
sb_base_store_add_tag (SbBaseStore  *self,
                       gint64        base_id,
                       const char   *tag_code,
                       GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);

  stmt = sb_database_prepare (self->database,
                              "INSERT OR IGNORE INTO base_tags (base_id, tag_id)"
                              " SELECT ?, id FROM tags WHERE code = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_text (stmt, 2, tag_code, -1, SQLITE_TRANSIENT);

  return sb_database_step_done (self->database, stmt, error);
}

gboolean
sb_base_store_add_unit (SbBaseStore  *self,
                        gint64        base_id,
                        gint64        organisation_id,
                        const char   *role,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);

  stmt = sb_database_prepare (self->database,
                              "INSERT INTO base_units (base_id, organisation_id, role, position)"
                              " VALUES (?1, ?2, ?3, (SELECT count(*) FROM base_units"
                              "  WHERE base_id = ?1 AND role = ?3))",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);

  return sb_database_step_done (self->database, stmt, error);
}

gboolean
sb_base_store_set_condition (SbBaseStore  *self,
                             gint64        base_id,
                             int           condition,
                             const char   *statement,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);

  stmt = sb_database_prepare (self->database,
                              "INSERT INTO application_conditions (base_id, condition, statement)"
                              " VALUES (?, ?, ?) ON CONFLICT (base_id, condition)"
                              " DO UPDATE SET statement = excluded.statement",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_int (stmt, 2, condition);
  sqlite3_bind_text (stmt, 3, statement, -1, SQLITE_TRANSIENT);

  return sb_database_step_done (self->database, stmt, error);
}

/**
 * sb_base_store_add_standard:
 * @role: "led" or "participated"
 * @source: "application" (Art. 11 (3)) or "produced"
 *
 * Records a standard after parsing its designation, which gives its level
 * and year.
 */
gboolean
sb_base_store_add_standard (SbBaseStore  *self,
                            gint64        base_id,
                            const char   *designation,
                            const char   *title,
                            const char   *role,
                            const char   *source,
                            GError      **error)
{
  g_autoptr(SbStandardDesignation) parsed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);

  parsed = sb_standard_designation_parse (designation, error);
  if (parsed == NULL)
    return FALSE;

  stmt = sb_database_prepare (self->database,
                              "INSERT INTO standards (base_id, designation, title,"
                              " level, role, source, year) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_text (stmt, 2, parsed->normalised, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, title ? title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sb_standard_level_to_string (parsed->level), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, parsed->year);

  return sb_database_step_done (self->database, stmt, error);
}

gboolean
sb_base_store_set_annual_figures (SbBaseStore            *self,
                                  gint64                  base_id,
                                  int                     year,
                                  const SbAnnualFigures  *figures,
                                  GError                **error)
{
  sqlite3_stmt *stmt;
  int values[] = {
    figures->standards[0], figures->standards[1], figures->standards[2],
    figures->standards[3], figures->standards[4], figures->proposals,
    figures->awards_applied, figures->awards_won, figures->entrusted_tasks,
    figures->smes_served, figures->training_sessions, figures->people_trained,
    figures->open_days, figures->international_roles, figures->patents,
  };

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);

  stmt = sb_database_prepare (self->database,
                              "UPDATE annual_reports SET standards_international = ?,"
                              " standards_national = ?, standards_industry = ?,"
                              " standards_local = ?, standards_group = ?, proposals = ?,"
                              " awards_applied = ?, awards_won = ?, entrusted_tasks = ?,"
                              " smes_served = ?, training_sessions = ?, people_trained = ?,"
                              " open_days = ?, international_roles = ?, patents = ?"
                              " WHERE base_id = ? AND year = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    sqlite3_bind_int (stmt, i + 1, values[i]);
  sqlite3_bind_int64 (stmt, G_N_ELEMENTS (values) + 1, base_id);
  sqlite3_bind_int (stmt, G_N_ELEMENTS (values) + 2, year);

  if (!sb_database_step_done (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (sb_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_NOT_FOUND,
                   _("Base %lld has no annual report for %d"),
                   (long long) base_id, year);
      return FALSE;
    }

  return TRUE;
}

/* The report itself, a PDF of the document store (Art. 35). */
gboolean
sb_base_store_set_annual_report_document (SbBaseStore  *self,
                                          gint64        base_id,
                                          int           year,
                                          gint64        document_id,
                                          GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);

  stmt = sb_database_prepare (self->database,
                              "UPDATE annual_reports SET document_id = ? WHERE base_id = ? AND year = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, base_id);
  sqlite3_bind_int (stmt, 3, year);
  if (!sb_database_step_done (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (sb_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_NOT_FOUND,
                   _("Base %lld has no annual report for %d"), (long long) base_id, year);
      return FALSE;
    }

  return TRUE;
}

gboolean
sb_base_store_set_assessment_scores (SbBaseStore  *self,
                                     gint64        base_id,
                                     int           year,
                                     double        service,
                                     double        team,
                                     double        cooperation,
                                     GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);

  stmt = sb_database_prepare (self->database,
                              "UPDATE assessments SET score_service = ?, score_team = ?,"
                              " score_cooperation = ? WHERE base_id = ? AND year = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_double (stmt, 1, service);
  sqlite3_bind_double (stmt, 2, team);
  sqlite3_bind_double (stmt, 3, cooperation);
  sqlite3_bind_int64 (stmt, 4, base_id);
  sqlite3_bind_int (stmt, 5, year);

  if (!sb_database_step_done (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (sb_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_NOT_FOUND,
                   _("Base %lld has no annual assessment for %d"),
                   (long long) base_id, year);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_base_store_perform:
 * @base_id: the base
 * @request: the step
 * @today: the date it is recorded on
 *
 * Takes a life-cycle step: checks it against the regulation, then records
 * the new facts, the transition and any annual rows in one transaction.
 */
gboolean
sb_base_store_perform (SbBaseStore                *self,
                       gint64                      base_id,
                       const SbTransitionRequest  *request,
                       const GDate                *today,
                       GError                    **error)
{
  SbBaseFacts facts;
  SbBaseState from;

  g_return_val_if_fail (SB_IS_BASE_STORE (self), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  if (!sb_database_begin (self->database, error))
    return FALSE;

  if (!sb_base_store_read_facts (self, base_id, &facts, error)
      || !sb_lifecycle_check (&facts, request, today, error))
    goto failed;

  from = facts.state;
  sb_lifecycle_apply (&facts, request);

  if (!save_facts (self, base_id, &facts, error)
      || !insert_transition (self, base_id, from, facts.state, request, error)
      || !insert_annual_rows (self, base_id, request, error))
    goto failed;

  return sb_database_commit (self->database, error);

failed:
  sb_database_rollback (self->database);
  return FALSE;
}

void
sb_transition_record_free (SbTransitionRecord *record)
{
  g_free (record->action);
  g_free (record->from_state);
  g_free (record->to_state);
  g_free (record->date);
  g_free (record->role);
  g_free (record->actor);
  g_free (record->note);
  g_free (record);
}
