/* sb-deadlines.c: every deadline of a base, computed from its facts
 */
#define G_LOG_DOMAIN "sb-deadlines"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-date.h"
#include "sb-deadlines.h"

static const struct
{
  const char *id;
  const char *label;
  int         article;
} kinds[SB_N_DEADLINE_KINDS] = {
  [SB_DEADLINE_CONSTRUCTION_PLAN] = { "construction-plan", N_("Construction plan due"), 16 },
  [SB_DEADLINE_MIDTERM_REPORT] = { "midterm-report", N_("Mid-term report due"), 19 },
  [SB_DEADLINE_ACCEPTANCE_APPLICATION] = { "acceptance-application", N_("Last day to apply for acceptance"), 20 },
  [SB_DEADLINE_EXTENSION_REQUEST] = { "extension-request", N_("Last day to request an extension"), 21 },
  [SB_DEADLINE_CYCLE_END] = { "cycle-end", N_("End of the construction cycle"), 18 },
  [SB_DEADLINE_EXTENDED_END] = { "extended-end", N_("End of the extension"), 21 },
  [SB_DEADLINE_REAPPLICATION] = { "reapplication", N_("Last day to re-apply for acceptance"), 20 },
  [SB_DEADLINE_ANNUAL_REPORT] = { "annual-report", N_("Annual self-inspection report due"), 35 },
  [SB_DEADLINE_ANNUAL_ASSESSMENT] = { "annual-assessment", N_("Annual assessment due"), 36 },
  [SB_DEADLINE_RECTIFICATION] = { "rectification", N_("Rectification deadline"), 38 },
};

static const struct
{
  const char *id;
  const char *label;
} statuses[] = {
  [SB_DEADLINE_STATUS_MET] = { "met", N_("Met") },
  [SB_DEADLINE_STATUS_UPCOMING] = { "upcoming", N_("Upcoming") },
  [SB_DEADLINE_STATUS_DUE_SOON] = { "due-soon", N_("Due soon") },
  [SB_DEADLINE_STATUS_OVERDUE] = { "overdue", N_("Overdue") },
  [SB_DEADLINE_STATUS_LAPSED] = { "lapsed", N_("No longer applies") },
  [SB_DEADLINE_STATUS_UNKNOWN] = { "unknown", N_("Cannot be computed") },
};

static void
clear_deadline (gpointer data)
{
  SbDeadline *deadline = data;

  g_clear_pointer (&deadline->problem, g_free);
}

/* Adds one deadline.  @met is when it was met (NULL or cleared if not);
 * @actionable says whether the base can still meet it in its state.
 */
static SbDeadline *
add (GArray         *deadlines,
     SbDeadlineKind  kind,
     const GDate    *date,
     const GDate    *met,
     gboolean        actionable,
     const GDate    *today)
{
  SbDeadline deadline = { .kind = kind };

  g_date_clear (&deadline.date, 1);
  g_date_clear (&deadline.opens, 1);
  g_date_clear (&deadline.met, 1);

  if (date != NULL && g_date_valid (date))
    {
      deadline.date = *date;
      deadline.days_left = g_date_days_between (today, date);
    }
  if (met != NULL && g_date_valid (met))
    deadline.met = *met;

  if (g_date_valid (&deadline.met))
    deadline.status = SB_DEADLINE_STATUS_MET;
  else if (!actionable)
    deadline.status = SB_DEADLINE_STATUS_LAPSED;
  else if (!g_date_valid (&deadline.date))
    deadline.status = SB_DEADLINE_STATUS_UNKNOWN;
  else if (deadline.days_left < 0)
    deadline.status = SB_DEADLINE_STATUS_OVERDUE;
  else if (deadline.days_left <= SB_DEADLINE_DUE_SOON_DAYS)
    deadline.status = SB_DEADLINE_STATUS_DUE_SOON;
  else
    deadline.status = SB_DEADLINE_STATUS_UPCOMING;

  g_array_append_val (deadlines, deadline);
  return &g_array_index (deadlines, SbDeadline, deadlines->len - 1);
}

static const GDate *
date_if_after (const GDate *date,
               const GDate *after)
{
  if (g_date_valid (date) && g_date_valid (after) && g_date_compare (date, after) > 0)
    return date;

  return NULL;
}

static void
add_construction (GArray                *deadlines,
                  const SbBaseFacts     *facts,
                  SbCalendar            *calendar,
                  const SbDeadlineRules *rules,
                  const GDate           *today)
{
  SbBaseState state = facts->state;
  g_autoptr(GError) error = NULL;
  const GDate *applied = &facts->acceptance_applied;
  gboolean building;
  SbDeadline *deadline;
  GDate plan, midterm, end, last_application, opens;
  int midterm_months;

  building = state == SB_BASE_STATE_PREPARING
             || state == SB_BASE_STATE_CONSTRUCTING
             || state == SB_BASE_STATE_EXTENSION_REQUESTED;

  /* Art. 16: 30 working days on the statutory calendar. */
  g_date_clear (&plan, 1);
  if (!sb_calendar_add_working_days (calendar, &facts->approved,
                                     SB_PLAN_WORKING_DAYS, &plan, &error))
    g_date_clear (&plan, 1);
  deadline = add (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, &plan,
                  &facts->plan_submitted, state == SB_BASE_STATE_PREPARING, today);
  if (error != NULL)
    deadline->problem = g_strdup (error->message);

  /* Art. 19: around the middle of the cycle.  Once the cycle has been
   * extended the middle is long past, and the rules no longer take a
   * mid-term report, so an unmet one lapses rather than stays overdue.
   */
  midterm_months = facts->cycle_months * rules->midterm_percent / 100;
  sb_date_add_months_to (&facts->approved, midterm_months, &midterm);
  add (deadlines, SB_DEADLINE_MIDTERM_REPORT, &midterm, &facts->midterm_report,
       building, today);

  /* Art. 20: apply for acceptance no later than 3 months before the end. */
  sb_base_facts_get_cycle_end (facts, &end);
  sb_date_add_months_to (&end, -SB_ACCEPTANCE_LEAD_MONTHS, &last_application);
  add (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, &last_application,
       g_date_valid (&facts->extension_requested) ? NULL : applied,
       state == SB_BASE_STATE_PREPARING || state == SB_BASE_STATE_CONSTRUCTING,
       today);

  /* Art. 21: an extension is asked for within the last 3 months. */
  sb_date_add_months_to (&end, -SB_EXTENSION_WINDOW_MONTHS, &opens);
  deadline = add (deadlines, SB_DEADLINE_EXTENSION_REQUEST, &end,
                  &facts->extension_requested,
                  (state == SB_BASE_STATE_PREPARING || state == SB_BASE_STATE_CONSTRUCTING)
                  && !g_date_valid (applied),
                  today);
  deadline->opens = opens;

  /* Art. 18: the end of the cycle, met by applying for acceptance in time. */
  add (deadlines, SB_DEADLINE_CYCLE_END, &end,
       g_date_valid (applied) && g_date_compare (applied, &end) <= 0 ? applied : NULL,
       building, today);

  if (facts->extension_months > 0)
    {
      GDate extended_end;

      sb_base_facts_get_extended_end (facts, &extended_end);
      add (deadlines, SB_DEADLINE_EXTENDED_END, &extended_end,
           date_if_after (applied, &facts->extension_requested),
           state == SB_BASE_STATE_EXTENDED, today);
    }

  if (g_date_valid (&facts->acceptance_failed))
    {
      GDate last;

      sb_date_add_months_to (&facts->acceptance_failed, SB_REAPPLICATION_MONTHS, &last);
      add (deadlines, SB_DEADLINE_REAPPLICATION, &last,
           date_if_after (applied, &facts->acceptance_failed),
           state == SB_BASE_STATE_RECTIFYING, today);
    }
}

/* Art. 24, 35, 36: a report and an assessment for every year from the
 * year of establishment, due in the following year.
 */
static void
add_annual (GArray                *deadlines,
            const SbBaseFacts     *facts,
            const SbDeadlineRules *rules,
            const GDate           *today)
{
  gboolean active = facts->state == SB_BASE_STATE_ESTABLISHED
                    || facts->state == SB_BASE_STATE_ASSESSMENT_RECTIFYING;
  int first = g_date_get_year (&facts->established);
  int last = g_date_get_year (g_date_valid (&facts->closed) ? &facts->closed : today);
  SbDeadline *deadline;
  GDate due;

  for (int year = first; year <= last; year++)
    {
      g_date_clear (&due, 1);
      g_date_set_dmy (&due, rules->report_due_day, rules->report_due_month, year + 1);
      deadline = add (deadlines, SB_DEADLINE_ANNUAL_REPORT, &due, NULL, active, today);
      deadline->year = year;
      if (sb_base_facts_has_report (facts, year))
        deadline->status = SB_DEADLINE_STATUS_MET;

      g_date_clear (&due, 1);
      g_date_set_dmy (&due, rules->assessment_due_day, rules->assessment_due_month, year + 1);
      deadline = add (deadlines, SB_DEADLINE_ANNUAL_ASSESSMENT, &due, NULL, active, today);
      deadline->year = year;
      if (sb_base_facts_has_assessment (facts, year))
        deadline->status = SB_DEADLINE_STATUS_MET;
    }
}

void
sb_deadline_rules_init_default (SbDeadlineRules *rules)
{
  rules->midterm_percent = 50;
  rules->report_due_month = 3;
  rules->report_due_day = 31;
  rules->assessment_due_month = 6;
  rules->assessment_due_day = 30;
}

const char *
sb_deadline_kind_to_string (SbDeadlineKind kind)
{
  g_return_val_if_fail (kind < SB_N_DEADLINE_KINDS, NULL);

  return kinds[kind].id;
}

const char *
sb_deadline_kind_get_label (SbDeadlineKind kind)
{
  g_return_val_if_fail (kind < SB_N_DEADLINE_KINDS, NULL);

  return _(kinds[kind].label);
}

int
sb_deadline_kind_get_article (SbDeadlineKind kind)
{
  g_return_val_if_fail (kind < SB_N_DEADLINE_KINDS, 0);

  return kinds[kind].article;
}

const char *
sb_deadline_status_to_string (SbDeadlineStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), NULL);

  return statuses[status].id;
}

const char *
sb_deadline_status_get_label (SbDeadlineStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (statuses), NULL);

  return _(statuses[status].label);
}

gboolean
sb_deadline_is_pending (const SbDeadline *deadline)
{
  return deadline->status == SB_DEADLINE_STATUS_UPCOMING
         || deadline->status == SB_DEADLINE_STATUS_DUE_SOON
         || deadline->status == SB_DEADLINE_STATUS_OVERDUE
         || deadline->status == SB_DEADLINE_STATUS_UNKNOWN;
}

/**
 * sb_deadlines_compute:
 * @facts: what is recorded for the base
 * @calendar: the statutory calendar, for working days
 * @rules: the authority's settings
 * @today: the date statuses are judged on
 *
 * Returns: (transfer full) (element-type SbDeadline): every deadline the
 *   base has had or has, in the order of the regulation
 */
GArray *
sb_deadlines_compute (const SbBaseFacts     *facts,
                      SbCalendar            *calendar,
                      const SbDeadlineRules *rules,
                      const GDate           *today)
{
  GArray *deadlines;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (SB_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  deadlines = g_array_new (FALSE, FALSE, sizeof (SbDeadline));
  g_array_set_clear_func (deadlines, clear_deadline);

  if (g_date_valid (&facts->approved))
    add_construction (deadlines, facts, calendar, rules, today);

  if (g_date_valid (&facts->established))
    add_annual (deadlines, facts, rules, today);

  if (g_date_valid (&facts->rectify_by))
    add (deadlines, SB_DEADLINE_RECTIFICATION, &facts->rectify_by, NULL,
         facts->state == SB_BASE_STATE_ASSESSMENT_RECTIFYING, today);

  return deadlines;
}

/**
 * sb_deadlines_find_next:
 *
 * Returns: (nullable): the pending deadline that falls first; one that
 *   cannot be computed comes before all others, since someone must act on it
 */
const SbDeadline *
sb_deadlines_find_next (GArray *deadlines)
{
  const SbDeadline *next = NULL;

  g_return_val_if_fail (deadlines != NULL, NULL);

  for (guint i = 0; i < deadlines->len; i++)
    {
      const SbDeadline *deadline = &g_array_index (deadlines, SbDeadline, i);

      if (!sb_deadline_is_pending (deadline))
        continue;
      if (deadline->status == SB_DEADLINE_STATUS_UNKNOWN)
        return deadline;
      if (next == NULL || g_date_compare (&deadline->date, &next->date) < 0)
        next = deadline;
    }

  return next;
}
