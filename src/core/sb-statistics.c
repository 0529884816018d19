/* sb-statistics.c: the programme's figures, for the dashboard and charts
 *
 * Two kinds of figure.  Those about the bases as they stand (phases, next
 * deadlines) are counted over the SbBase objects the caller already loaded,
 * so the dashboard does not read the bases twice.  Those about history (the
 * pipeline, standards, assessments) are one grouped query each.
 */
#define G_LOG_DOMAIN "sb-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-base-state.h"
#include "sb-lifecycle.h"
#include "sb-statistics.h"

/* The step of the pipeline each action marks, and what it is called. */
static const struct
{
  SbAction    action;
  const char *label;
} pipeline_steps[SB_N_PIPELINE_STEPS] = {
  [SB_PIPELINE_SUBMITTED] = { SB_ACTION_SUBMIT, N_("Submitted") },
  [SB_PIPELINE_FORMALLY_REVIEWED] = { SB_ACTION_PASS_FORMAL_REVIEW, N_("Formally reviewed") },
  [SB_PIPELINE_EXPERT_REVIEWED] = { SB_ACTION_COMPLETE_EXPERT_REVIEW, N_("Expert-reviewed") },
  [SB_PIPELINE_APPROVED] = { SB_ACTION_APPROVE, N_("Approved") },
  [SB_PIPELINE_ESTABLISHED] = { SB_ACTION_PASS_ACCEPTANCE, N_("Established") },
};

/* One parameter per step in the pipeline query. */
G_STATIC_ASSERT (SB_N_PIPELINE_STEPS == 5);


/* @sql must be a string literal at the caller: sb_database_prepare()
 * caches statements by address. */
static GArray *
list_references (SbDatabase  *database,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(GArray) references = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  references = g_array_new (FALSE, TRUE, sizeof (SbReference));
  g_array_set_clear_func (references, (GDestroyNotify) sb_reference_clear);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbReference reference = {
        .code = sb_column_dup_text (stmt, 0),
        .name_zh = sb_column_dup_text (stmt, 1),
        .name_en = sb_column_dup_text (stmt, 2),
      };

      g_array_append_val (references, reference);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&references);
}

/* Whether @candidate should replace @current as the nearest deadline of a
 * group: a date that cannot be computed comes first, since someone must
 * act on it, then the earliest date.  Ties keep the first base seen. */
static gboolean
is_nearer (const SbDeadline *candidate,
           const SbDeadline *current)
{
  if (current->status == SB_DEADLINE_STATUS_UNKNOWN)
    return FALSE;
  if (candidate->status == SB_DEADLINE_STATUS_UNKNOWN)
    return TRUE;

  return g_date_compare (&candidate->date, &current->date) < 0;
}

static void
add_base_to_group (SbGroupSummary *summary,
                   SbBase         *base)
{
  const SbDeadline *next = sb_base_get_next_deadline (base);

  summary->by_phase[sb_base_state_get_phase (sb_base_get_state (base))]++;
  summary->total++;

  if (next == NULL || !sb_deadline_is_pending (next))
    return;
  if (summary->has_nearest && !is_nearer (next, &summary->nearest))
    return;

  summary->has_nearest = TRUE;
  summary->nearest = *next;
  summary->nearest.problem = NULL;
  summary->nearest_base_id = sb_base_get_id (base);
}

typedef const char *(*GroupCodeFunc) (SbBase *base);

/* One summary per reference row, in its order; each base counts in the
 * group its code names, and in none if its code is missing or unknown. */
static GPtrArray *
summarise_groups (GArray        *references,
                  GPtrArray     *bases,
                  GroupCodeFunc  get_code)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) by_code = NULL;

  summaries = g_ptr_array_new_full (references->len, (GDestroyNotify) sb_group_summary_free);
  by_code = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < references->len; i++)
    {
      const SbReference *reference = &g_array_index (references, SbReference, i);
      SbGroupSummary *summary = g_new0 (SbGroupSummary, 1);

      summary->reference.code = g_strdup (reference->code);
      summary->reference.name_zh = g_strdup (reference->name_zh);
      summary->reference.name_en = g_strdup (reference->name_en);
      g_ptr_array_add (summaries, summary);

      if (summary->reference.code != NULL)
        g_hash_table_insert (by_code, summary->reference.code, summary);
    }

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      const char *code = get_code (base);
      SbGroupSummary *summary = code != NULL ? g_hash_table_lookup (by_code, code) : NULL;

      if (summary != NULL)
        add_base_to_group (summary, base);
    }

  return g_steal_pointer (&summaries);
}

void
sb_reference_clear (SbReference *reference)
{
  g_return_if_fail (reference != NULL);

  g_clear_pointer (&reference->code, g_free);
  g_clear_pointer (&reference->name_zh, g_free);
  g_clear_pointer (&reference->name_en, g_free);
}

void
sb_group_summary_free (SbGroupSummary *summary)
{
  if (summary == NULL)
    return;

  sb_reference_clear (&summary->reference);
  g_free (summary);
}

/**
 * sb_statistics_list_domains:
 *
 * Returns: (transfer full) (element-type SbReference): the domains of
 *   Art. 3 and those the authority added, in their stored order, or %NULL
 *   on error
 */
GArray *
sb_statistics_list_domains (SbDatabase  *database,
                            GError     **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  return list_references (database,
                          "SELECT code, name_zh, name_en FROM domains ORDER BY position, id",
                          error);
}

/**
 * sb_statistics_list_cities:
 *
 * Returns: (transfer full) (element-type SbReference): the cities and the
 *   demonstration zone, in their stored order, or %NULL on error
 */
GArray *
sb_statistics_list_cities (SbDatabase  *database,
                           GError     **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  return list_references (database,
                          "SELECT code, name_zh, name_en FROM cities ORDER BY position, code",
                          error);
}

/**
 * sb_statistics_list_tags:
 *
 * Returns: (transfer full) (element-type SbReference): the six-new tags,
 *   in their stored order, or %NULL on error
 */
GArray *
sb_statistics_list_tags (SbDatabase  *database,
                         GError     **error)
{
  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  return list_references (database,
                          "SELECT code, name_zh, name_en FROM tags ORDER BY position, id",
                          error);
}

/**
 * sb_statistics_summarise_domains:
 * @domains: (element-type SbReference): from sb_statistics_list_domains()
 * @bases: (element-type SbBase): bases with their next deadline, as
 *   sb_base_store_list() gives them
 *
 * Counts the bases of each domain by phase, and finds the nearest pending
 * deadline among their next deadlines: one whose date cannot be computed
 * before any other, since someone must act on it, else the earliest.  A
 * base without a domain, or with one not in @domains, counts in no group.
 *
 * Returns: (transfer full) (element-type SbGroupSummary): one summary per
 *   domain, in the order of @domains, those without bases included
 */
GPtrArray *
sb_statistics_summarise_domains (GArray    *domains,
                                 GPtrArray *bases)
{
  g_return_val_if_fail (domains != NULL, NULL);
  g_return_val_if_fail (bases != NULL, NULL);

  return summarise_groups (domains, bases, sb_base_get_domain_code);
}

/**
 * sb_statistics_summarise_cities:
 * @cities: (element-type SbReference): from sb_statistics_list_cities()
 * @bases: (element-type SbBase): bases with their next deadline
 *
 * As sb_statistics_summarise_domains(), by the city of each base.
 *
 * Returns: (transfer full) (element-type SbGroupSummary): one summary per
 *   city, in the order of @cities, those without bases included
 */
GPtrArray *
sb_statistics_summarise_cities (GArray    *cities,
                                GPtrArray *bases)
{
  g_return_val_if_fail (cities != NULL, NULL);
  g_return_val_if_fail (bases != NULL, NULL);

  return summarise_groups (cities, bases, sb_base_get_city_code);
}

/**
 * sb_statistics_summarise_programme:
 * @bases: (element-type SbBase): the bases to count
 * @today: the date deadlines are judged on
 * @summary: (out caller-allocates): the figures
 *
 * Counts @bases by phase, and every pending deadline of every one of them
 * (not only its next): due within %SB_DEADLINE_DUE_SOON_DAYS days, or
 * overdue.  A pending deadline whose date cannot be computed (a year the
 * statutory calendar lacks) is neither: it is counted apart, in
 * unknown_deadlines.  Standards this year are the produced standards of
 * the whole programme dated in @today's year, whichever bases are given.
 *
 * Returns: %TRUE on success; on error @summary holds the counts over
 *   @bases, without the standards
 */
gboolean
sb_statistics_summarise_programme (SbBaseStore         *store,
                                   GPtrArray           *bases,
                                   const GDate         *today,
                                   SbProgrammeSummary  *summary,
                                   GError             **error)
{
  SbDatabase *database;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_BASE_STORE (store), FALSE);
  g_return_val_if_fail (bases != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      g_autoptr(GArray) deadlines = NULL;
      int due, overdue, unknown;

      summary->by_phase[sb_base_state_get_phase (sb_base_get_state (base))]++;
      summary->total++;

      /* Counted when the base was read, if that was on the same day. */
      if (sb_base_count_deadlines (base, today, SB_DEADLINE_STATUS_DUE_SOON, &due)
          && sb_base_count_deadlines (base, today, SB_DEADLINE_STATUS_OVERDUE, &overdue)
          && sb_base_count_deadlines (base, today, SB_DEADLINE_STATUS_UNKNOWN, &unknown))
        {
          summary->due_within_30_days += due;
          summary->overdue += overdue;
          summary->unknown_deadlines += unknown;
          continue;
        }

      deadlines = sb_base_store_list_deadlines (store, base, today);

      for (guint j = 0; j < deadlines->len; j++)
        {
          const SbDeadline *deadline = &g_array_index (deadlines, SbDeadline, j);

          switch (deadline->status)
            {
            case SB_DEADLINE_STATUS_DUE_SOON:
              summary->due_within_30_days++;
              break;
            case SB_DEADLINE_STATUS_OVERDUE:
              summary->overdue++;
              break;
            case SB_DEADLINE_STATUS_UNKNOWN:
              summary->unknown_deadlines++;
              break;
            case SB_DEADLINE_STATUS_MET:
            case SB_DEADLINE_STATUS_UPCOMING:
            case SB_DEADLINE_STATUS_LAPSED:
            default:
              break;
            }
        }
    }

  database = sb_base_store_get_database (store);
  stmt = sb_database_prepare (database,
                              "SELECT count(*) FROM standards"
                              " WHERE source = 'produced' AND year = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, g_date_get_year (today));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    summary->standards_this_year = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return sb_database_set_error (database, rc, error);

  return TRUE;
}

/* Whether a base in @state took the step that leads out of review. */
static gboolean
passed_formal_review (const SbBaseFacts *facts)
{
  return facts->state == SB_BASE_STATE_FORMALLY_REVIEWED
         || facts->state == SB_BASE_STATE_EXPERT_REVIEWED
         || facts->state == SB_BASE_STATE_REJECTED
         || g_date_valid (&facts->approved);
}

/**
 * sb_statistics_count_pipeline_of_bases:
 * @bases: (element-type SbBase): the bases, as listed
 * @counts: (out caller-allocates): by #SbPipelineStep
 *
 * The same counts as sb_statistics_count_pipeline(), from the facts the
 * list already holds instead of a scan of the whole history, which the
 * dashboard cannot afford at start.  They agree because the rules allow a
 * return for correction only before the formal review is passed, and no
 * way back once it is: a base's state and dates show every step it took.
 */
void
sb_statistics_count_pipeline_of_bases (GPtrArray *bases,
                                       int        counts[SB_N_PIPELINE_STEPS])
{
  g_return_if_fail (bases != NULL);
  g_return_if_fail (counts != NULL);

  for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
    counts[i] = 0;

  for (guint i = 0; i < bases->len; i++)
    {
      const SbBaseFacts *facts = sb_base_get_facts (g_ptr_array_index (bases, i));
      gboolean formally = passed_formal_review (facts);

      counts[SB_PIPELINE_SUBMITTED] += g_date_valid (&facts->submitted);
      counts[SB_PIPELINE_FORMALLY_REVIEWED] += formally;
      counts[SB_PIPELINE_EXPERT_REVIEWED] += formally && facts->state != SB_BASE_STATE_FORMALLY_REVIEWED;
      counts[SB_PIPELINE_APPROVED] += g_date_valid (&facts->approved);
      counts[SB_PIPELINE_ESTABLISHED] += g_date_valid (&facts->established);
    }
}

/**
 * sb_statistics_count_pipeline:
 * @counts: (out caller-allocates): by #SbPipelineStep
 *
 * Counts the bases that ever took each step of the application pipeline,
 * from the recorded transitions.  A base returned for correction and
 * submitted again counts once.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_statistics_count_pipeline (SbDatabase  *database,
                              int          counts[SB_N_PIPELINE_STEPS],
                              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
    counts[i] = 0;

  stmt = sb_database_prepare (database,
                              "SELECT action, count(DISTINCT base_id) FROM transitions"
                              " WHERE action IN (?1, ?2, ?3, ?4, ?5) GROUP BY action",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
    sqlite3_bind_text (stmt, i + 1, sb_action_to_string (pipeline_steps[i].action),
                       -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      SbAction action;

      if (!sb_action_from_string (text, &action))
        continue;

      for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
        {
          if (pipeline_steps[i].action == action)
            counts[i] = sqlite3_column_int (stmt, 1);
        }
    }
  return sb_database_finish_rows (database, stmt, rc, error);
}

const char *
sb_pipeline_step_get_label (SbPipelineStep step)
{
  g_return_val_if_fail (step < SB_N_PIPELINE_STEPS, NULL);

  return _(pipeline_steps[step].label);
}

/* The row for @year, appending empty rows for the years between the last
 * one and @year: rows arrive oldest first. */
static SbStandardsYear *
standards_row (GArray *rows,
               int     year)
{
  while (rows->len == 0 || g_array_index (rows, SbStandardsYear, rows->len - 1).year < year)
    {
      SbStandardsYear row = { 0 };

      row.year = rows->len == 0 ? year : g_array_index (rows, SbStandardsYear, rows->len - 1).year + 1;
      g_array_append_val (rows, row);
    }

  return &g_array_index (rows, SbStandardsYear, rows->len - 1);
}

static SbAssessmentYear *
assessment_row (GArray *rows,
                int     year)
{
  while (rows->len == 0 || g_array_index (rows, SbAssessmentYear, rows->len - 1).year < year)
    {
      SbAssessmentYear row = { 0 };

      row.year = rows->len == 0 ? year : g_array_index (rows, SbAssessmentYear, rows->len - 1).year + 1;
      g_array_append_val (rows, row);
    }

  return &g_array_index (rows, SbAssessmentYear, rows->len - 1);
}

/**
 * sb_statistics_standards_by_year:
 *
 * Counts the standards the bases produced (not those named in their
 * applications) by year and level.
 *
 * Returns: (transfer full) (element-type SbStandardsYear): from the oldest
 *   year to the newest, years without a standard included, empty when
 *   there is none; %NULL on error
 */
GArray *
sb_statistics_standards_by_year (SbDatabase  *database,
                                 GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT year, level, count(*) FROM standards"
                              " WHERE source = 'produced'"
                              " GROUP BY year, level ORDER BY year",
                              error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (SbStandardsYear));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *level_text = (const char *) sqlite3_column_text (stmt, 1);
      SbStandardsYear *row = standards_row (rows, sqlite3_column_int (stmt, 0));
      SbStandardLevel level;

      if (sb_standard_level_from_string (level_text, &level))
        row->by_level[level] += sqlite3_column_int (stmt, 2);
      else
        g_warning ("A standard has an unknown level “%s”", level_text);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/**
 * sb_statistics_assessments_by_year:
 *
 * Counts the annual assessments (Art. 36) passed and failed, by the year
 * assessed.
 *
 * Returns: (transfer full) (element-type SbAssessmentYear): from the oldest
 *   year to the newest, years without an assessment included, empty when
 *   there is none; %NULL on error
 */
GArray *
sb_statistics_assessments_by_year (SbDatabase  *database,
                                   GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT year, sum (passed <> 0), sum (passed = 0)"
                              " FROM assessments GROUP BY year ORDER BY year",
                              error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (SbAssessmentYear));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbAssessmentYear *row = assessment_row (rows, sqlite3_column_int (stmt, 0));

      row->passed = sqlite3_column_int (stmt, 1);
      row->failed = sqlite3_column_int (stmt, 2);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}
