/* test-deadlines.c: every deadline of a base, computed from its facts
 *
 * The expected dates were worked out by hand, from the regulation
 * (晋政办发〔2021〕74号), the State Council holiday notices, and a wall
 * calendar; the working is in the comments.  Bases are built by recording
 * real, dated steps through the life-cycle rules, as the store does.
 *
 * Working days (Art. 16) count from the day after the approval: a working
 * day is Monday to Friday, minus statutory holidays, plus the make-up
 * weekend days (调休).  Months (Art. 18–21) are calendar months, clamped to
 * the end of a shorter month.
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "sb-calendar.h"
#include "sb-date.h"
#include "sb-deadlines.h"
#include "sb-lifecycle.h"
#include "sb-test-facts.h"

static SbCalendar *calendar;

/* Helpers: see sb-test-facts.h */

/* A complete application, taken through its reviews and approved on
 * @date for @months (0: the default 36).
 */
static void
approve_on (SbBaseFacts *facts,
            const char  *date,
            int          months)
{
  sb_base_facts_init (facts);
  facts->has_short_name = TRUE;
  facts->has_domain = TRUE;
  facts->has_recommender = TRUE;
  facts->lead_unit_eligible = TRUE;

  take (facts, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, date);
  take (facts, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, date);
  take (facts, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, date);
  take (facts, SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_ROLE_EXPERT, date);
  take_months (facts, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, date, months);
  g_assert_cmpint (facts->state, ==, SB_BASE_STATE_PREPARING);
}

/* Base A, the one most tests use:
 *
 *   approved 2024-01-26 for 36 months     plan submitted 2024-03-01
 *   mid-term report 2025-07-20            mid-term evaluation 2025-09-10
 *   acceptance applied for 2026-09-01
 */
static void
base_a_constructing (SbBaseFacts *facts)
{
  approve_on (facts, "2024-01-26", 0);
  take (facts, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2024-03-01");
}

static void
base_a_evaluated (SbBaseFacts *facts)
{
  base_a_constructing (facts);
  take (facts, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2025-07-20");
  take (facts, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, "2025-09-10");
}

/* Established on 2026-11-30. */
static void
base_a_established (SbBaseFacts *facts)
{
  base_a_evaluated (facts);
  take (facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-09-01");
  take (facts, SB_ACTION_PASS_ACCEPTANCE, SB_ROLE_AUTHORITY, "2026-11-30");
  g_assert_cmpint (facts->state, ==, SB_BASE_STATE_ESTABLISHED);
}

static GArray *
compute_with (const SbBaseFacts     *facts,
              const SbDeadlineRules *rules,
              const char            *today)
{
  GDate today_date;

  date_set (&today_date, today);
  return sb_deadlines_compute (facts, calendar, rules, &today_date);
}

static GArray *
compute (const SbBaseFacts *facts,
         const char        *today)
{
  SbDeadlineRules rules;

  sb_deadline_rules_init_default (&rules);
  return compute_with (facts, &rules, today);
}

static guint
count_kind (GArray         *deadlines,
            SbDeadlineKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < deadlines->len; i++)
    {
      if (g_array_index (deadlines, SbDeadline, i).kind == kind)
        n++;
    }

  return n;
}

/* The one deadline of @kind (for @year, for the annual ones). */
static const SbDeadline *
find (GArray         *deadlines,
      SbDeadlineKind  kind,
      int             year)
{
  const SbDeadline *found = NULL;

  for (guint i = 0; i < deadlines->len; i++)
    {
      const SbDeadline *deadline = &g_array_index (deadlines, SbDeadline, i);

      if (deadline->kind == kind && deadline->year == year)
        {
          if (found != NULL)
            g_error ("two “%s” deadlines for %d", sb_deadline_kind_to_string (kind), year);
          found = deadline;
        }
    }

  if (found == NULL)
    g_error ("no “%s” deadline for %d", sb_deadline_kind_to_string (kind), year);

  return found;
}

static void
assert_status (const SbDeadline *deadline,
               SbDeadlineStatus  status)
{
  if (deadline->status != status)
    g_error ("“%s” (%d) is “%s”, expected “%s”",
             sb_deadline_kind_to_string (deadline->kind), deadline->year,
             sb_deadline_status_to_string (deadline->status),
             sb_deadline_status_to_string (status));
}

/* Checks the date and status of one deadline and returns it. */
static const SbDeadline *
assert_deadline (GArray           *deadlines,
                 SbDeadlineKind    kind,
                 int               year,
                 const char       *date,
                 SbDeadlineStatus  status)
{
  const SbDeadline *deadline = find (deadlines, kind, year);

  assert_date (&deadline->date, date);
  assert_status (deadline, status);

  return deadline;
}

/* The date the plan is due for an approval on @approved. */
static char *
plan_due (const char *approved)
{
  g_autoptr(GArray) deadlines = NULL;
  const SbDeadline *plan;
  SbBaseFacts facts;

  approve_on (&facts, approved, 0);
  deadlines = compute (&facts, approved);
  plan = find (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, 0);
  g_assert_null (plan->problem);
  g_assert_true (g_date_valid (&plan->date));

  return sb_date_format (&plan->date);
}

/* Construction plan (Art. 16) */

static void
test_plan_spring_festival_2024 (void)
{
  g_autofree char *due = plan_due ("2024-01-26");

  /* Approved Friday 2024-01-26.  Spring Festival 2024-02-10 … 02-17 off,
   * Sundays 02-04 and 02-18 worked.
   *
   *   Jan 29–Feb 2   Mon–Fri          1–5
   *   Feb 4          Sun, make-up     6
   *   Feb 5–9        Mon–Fri          7–11
   *   Feb 10–17      holiday
   *   Feb 18         Sun, make-up     12
   *   Feb 19–23                       13–17
   *   Feb 26–Mar 1                    18–22
   *   Mar 4–8                         23–27
   *   Mar 11, 12, 13                  28, 29, 30
   *
   * Check: Monday to Friday alone gives Mar 8; the holiday takes five
   * weekdays (Feb 12–16), the make-up days give two back: three more
   * working days, Mar 13.
   */
  g_assert_cmpstr (due, ==, "2024-03-13");
}

static void
test_plan_qingming_2024 (void)
{
  g_autofree char *due = plan_due ("2024-02-29");

  /* Approved Thursday 2024-02-29.  Qingming 2024-04-04 … 04-06 off,
   * Sunday 04-07 worked.
   *
   *   Mar 1 (Fri) 1; Mar 4–8 2–6; 11–15 7–11; 18–22 12–16; 25–29 17–21;
   *   Apr 1–3 22–24; Apr 4–6 holiday; Apr 7 (Sun, make-up) 25;
   *   Apr 8–12 26–30.
   */
  g_assert_cmpstr (due, ==, "2024-04-12");
}

static void
test_plan_national_day_2023 (void)
{
  g_autofree char *due = plan_due ("2023-09-21");
  g_autofree char *due2 = plan_due ("2023-08-31");

  /* Approved Thursday 2023-09-21.  Mid-Autumn and National Day
   * 2023-09-29 … 10-06 off, Saturday 10-07 and Sunday 10-08 worked.
   *
   *   Sep 22 (Fri)         1
   *   Sep 25–28            2–5
   *   Sep 29–Oct 6         holiday
   *   Oct 7, 8 (make-up)   6, 7
   *   Oct 9–13             8–12
   *   Oct 16–20            13–17
   *   Oct 23–27            18–22
   *   Oct 30–Nov 3         23–27
   *   Nov 6, 7, 8          28, 29, 30
   *
   * Check: weekdays alone give Nov 2; the holiday takes six weekdays
   * (Sep 29, Oct 2–6), the make-up days give two back: Nov 8.
   */
  g_assert_cmpstr (due, ==, "2023-11-08");

  /* Approved Thursday 2023-08-31: weekdays alone give Oct 12 (Sep 1, then
   * four full weeks to Sep 29, Oct 2–6, Oct 9–12); the same holiday nets
   * four days: Oct 13, 16, 17, 18. */
  g_assert_cmpstr (due2, ==, "2023-10-18");
}

static void
test_plan_national_day_2025 (void)
{
  g_autofree char *due = plan_due ("2025-09-15");
  g_autofree char *due2 = plan_due ("2025-09-26");

  /* Approved Monday 2025-09-15.  National Day and Mid-Autumn 2025-10-01 …
   * 10-08 off, Sunday 09-28 and Saturday 10-11 worked.
   *
   *   Sep 16–19            1–4
   *   Sep 22–26            5–9
   *   Sep 28 (Sun)         10
   *   Sep 29, 30           11, 12
   *   Oct 1–8              holiday
   *   Oct 9, 10            13, 14
   *   Oct 11 (Sat)         15
   *   Oct 13–17            16–20
   *   Oct 20–24            21–25
   *   Oct 27–31            26–30
   *
   * Check: weekdays alone give Oct 27; six weekdays off (Oct 1–3, 6–8),
   * two make-up days: Oct 31.
   */
  g_assert_cmpstr (due, ==, "2025-10-31");

  /* Approved Friday 2025-09-26: the make-up Sunday 09-28 is day 1.
   *   Sep 28 1; Sep 29, 30 2, 3; Oct 9, 10 4, 5; Oct 11 6; Oct 13–17 7–11;
   *   Oct 20–24 12–16; Oct 27–31 17–21; Nov 3–7 22–26; Nov 10–13 27–30. */
  g_assert_cmpstr (due2, ==, "2025-11-13");
}

static void
test_plan_year_without_data (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  g_autoptr(GArray) deadlines3 = NULL;
  g_autofree char *due = plan_due ("2026-11-19");
  const SbDeadline *plan;
  SbBaseFacts facts;

  /* Approved Thursday 2026-11-19; no holidays until the New Year.
   *   Nov 20 1; Nov 23–27 2–6; Nov 30–Dec 4 7–11; Dec 7–11 12–16;
   *   Dec 14–18 17–21; Dec 21–25 22–26; Dec 28–31 27–30.
   * The 30th working day is the last of the year: computable. */
  g_assert_cmpstr (due, ==, "2026-12-31");

  /* One day later, the 30th working day falls in January 2027, a year the
   * shipped calendar has no notice for: the date is unknown, and says why,
   * rather than guess Monday to Friday. */
  approve_on (&facts, "2026-11-20", 0);
  deadlines = compute (&facts, "2026-11-25");
  plan = find (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, 0);
  assert_status (plan, SB_DEADLINE_STATUS_UNKNOWN);
  g_assert_false (g_date_valid (&plan->date));
  g_assert_nonnull (plan->problem);
  if (strstr (plan->problem, "2027") == NULL)
    g_error ("“%s” does not name 2027", plan->problem);

  /* The month-based deadlines do not need the calendar. */
  assert_deadline (deadlines, SB_DEADLINE_CYCLE_END, 0, "2029-11-20",
                   SB_DEADLINE_STATUS_UPCOMING);
  g_assert_null (find (deadlines, SB_DEADLINE_CYCLE_END, 0)->problem);

  /* It is the next thing to see to, though everything else is later. */
  g_assert_true (sb_deadlines_find_next (deadlines) == plan);

  /* Once the plan is in, it is met, unknown date or not. */
  take (&facts, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2026-12-20");
  deadlines2 = compute (&facts, "2026-12-21");
  plan = find (deadlines2, SB_DEADLINE_CONSTRUCTION_PLAN, 0);
  assert_status (plan, SB_DEADLINE_STATUS_MET);
  assert_date (&plan->met, "2026-12-20");

  /* and once 2027 is known, the date is too.  With a 2027 group whose
   * first holiday is New Year's Day (a Friday), the days go on from Dec 28:
   *   Nov 23–27 1–5; Nov 30–Dec 4 6–10; Dec 7–11 11–15; Dec 14–18 16–20;
   *   Dec 21–25 21–25; Dec 28–31 26–29; Jan 1 holiday; Jan 4 (Mon) 30. */
  {
    g_autoptr(SbCalendar) with_2027 = NULL;
    g_autoptr(GError) error = NULL;
    SbDeadlineRules rules;
    GDate today;

    with_2027 = sb_calendar_new_default (&error);
    g_assert_no_error (error);
    sb_calendar_load_data (with_2027,
                           "[2027]\nholidays=2027-01-01;2027-02-06..2027-02-13\n",
                           -1, &error);
    g_assert_no_error (error);

    approve_on (&facts, "2026-11-20", 0);
    sb_deadline_rules_init_default (&rules);
    date_set (&today, "2026-11-25");
    deadlines3 = sb_deadlines_compute (&facts, with_2027, &rules, &today);
    assert_deadline (deadlines3, SB_DEADLINE_CONSTRUCTION_PLAN, 0, "2027-01-04",
                     SB_DEADLINE_STATUS_UPCOMING);
    g_assert_null (find (deadlines3, SB_DEADLINE_CONSTRUCTION_PLAN, 0)->problem);
  }
}

/* The construction cycle (Art. 18–21) */

static void
test_cycle_default (void)
{
  g_autoptr(GArray) deadlines = NULL;
  const SbDeadline *window;
  SbBaseFacts facts;

  /* Approved 2024-01-26 for 3 years:
   *   end          2024-01-26 + 36 months = 2027-01-26
   *   mid-term     2024-01-26 + 18 months = 2025-07-26 (50 %)
   *   acceptance   2027-01-26 −  3 months = 2026-10-26
   *   extension    2026-10-26 … 2027-01-26
   */
  base_a_constructing (&facts);
  deadlines = compute (&facts, "2024-06-01");

  assert_deadline (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, 0, "2024-03-13",
                   SB_DEADLINE_STATUS_MET);
  assert_deadline (deadlines, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-07-26",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2026-10-26",
                   SB_DEADLINE_STATUS_UPCOMING);
  window = assert_deadline (deadlines, SB_DEADLINE_EXTENSION_REQUEST, 0, "2027-01-26",
                            SB_DEADLINE_STATUS_UPCOMING);
  assert_date (&window->opens, "2026-10-26");
  assert_deadline (deadlines, SB_DEADLINE_CYCLE_END, 0, "2027-01-26",
                   SB_DEADLINE_STATUS_UPCOMING);

  /* and nothing that does not apply yet */
  g_assert_cmpuint (deadlines->len, ==, 5);
  g_assert_cmpuint (count_kind (deadlines, SB_DEADLINE_EXTENDED_END), ==, 0);
  g_assert_cmpuint (count_kind (deadlines, SB_DEADLINE_REAPPLICATION), ==, 0);
  g_assert_cmpuint (count_kind (deadlines, SB_DEADLINE_ANNUAL_REPORT), ==, 0);
  g_assert_cmpuint (count_kind (deadlines, SB_DEADLINE_RECTIFICATION), ==, 0);

  /* Only windows have an opening date. */
  g_assert_false (g_date_valid (&find (deadlines, SB_DEADLINE_CYCLE_END, 0)->opens));
}

static void
test_cycle_24_months (void)
{
  g_autoptr(GArray) deadlines = NULL;
  const SbDeadline *window;
  SbBaseFacts facts;

  /* Approved 2024-01-26 for 24 months:
   *   end 2026-01-26, mid-term + 12 months 2025-01-26,
   *   acceptance and the window's opening 2025-10-26. */
  approve_on (&facts, "2024-01-26", 24);
  deadlines = compute (&facts, "2024-02-20");

  assert_deadline (deadlines, SB_DEADLINE_CYCLE_END, 0, "2026-01-26",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-01-26",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2025-10-26",
                   SB_DEADLINE_STATUS_UPCOMING);
  window = find (deadlines, SB_DEADLINE_EXTENSION_REQUEST, 0);
  assert_date (&window->opens, "2025-10-26");
  assert_date (&window->date, "2026-01-26");
  /* the working days do not depend on the length; 9 + 13 = 22 days away */
  assert_deadline (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, 0, "2024-03-13",
                   SB_DEADLINE_STATUS_DUE_SOON);
}

static void
test_cycle_month_end (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  g_autoptr(GArray) deadlines3 = NULL;
  SbBaseFacts facts;

  /* Approved 2023-08-31:
   *   end         + 36 months              2026-08-31
   *   mid-term    + 18 months: 2025-02-31 does not exist → 2025-02-28
   *   acceptance  2026-08-31 − 3 months    2026-05-31
   *   extension   6 months from the end: 2027-02-31 → 2027-02-28
   */
  approve_on (&facts, "2023-08-31", 0);
  take (&facts, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2023-10-10");
  take (&facts, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2025-02-20");
  take (&facts, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, "2025-04-01");
  deadlines = compute (&facts, "2025-06-01");
  assert_deadline (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, 0, "2023-10-18",
                   SB_DEADLINE_STATUS_MET);
  assert_deadline (deadlines, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-02-28",
                   SB_DEADLINE_STATUS_MET);
  assert_deadline (deadlines, SB_DEADLINE_CYCLE_END, 0, "2026-08-31",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2026-05-31",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_date (&find (deadlines, SB_DEADLINE_EXTENSION_REQUEST, 0)->opens, "2026-05-31");

  take_months (&facts, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-06-15", 6);
  take (&facts, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, "2026-06-20");
  deadlines2 = compute (&facts, "2026-07-01");
  assert_deadline (deadlines2, SB_DEADLINE_EXTENDED_END, 0, "2027-02-28",
                   SB_DEADLINE_STATUS_UPCOMING);

  /* Approved on a leap day, 2024-02-29:
   *   end         + 36 months: 2027-02-29 does not exist → 2027-02-28
   *   mid-term    + 18 months              2025-08-29
   *   acceptance  2027-02-28 − 3 months    2026-11-28
   * and approved 2022-08-31, the mid-term falls on a leap day:
   *   + 18 months                          2024-02-29
   */
  approve_on (&facts, "2024-02-29", 0);
  deadlines3 = compute (&facts, "2024-03-01");
  assert_deadline (deadlines3, SB_DEADLINE_CYCLE_END, 0, "2027-02-28",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines3, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-08-29",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines3, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2026-11-28",
                   SB_DEADLINE_STATUS_UPCOMING);

  {
    g_autoptr(GArray) deadlines4 = NULL;

    approve_on (&facts, "2022-08-31", 0);
    deadlines4 = compute (&facts, "2022-09-01");
    assert_deadline (deadlines4, SB_DEADLINE_MIDTERM_REPORT, 0, "2024-02-29",
                     SB_DEADLINE_STATUS_UPCOMING);
    assert_deadline (deadlines4, SB_DEADLINE_CYCLE_END, 0, "2025-08-31",
                     SB_DEADLINE_STATUS_UPCOMING);
  }
}

static void
test_midterm_percent (void)
{
  g_autoptr(GArray) deadlines = NULL;
  SbDeadlineRules rules;
  SbBaseFacts facts;

  sb_deadline_rules_init_default (&rules);
  g_assert_cmpint (rules.midterm_percent, ==, 50);

  /* 40 % of 36 months is 14.4: whole months, 14, so 2025-03-26. */
  rules.midterm_percent = 40;
  base_a_constructing (&facts);
  deadlines = compute_with (&facts, &rules, "2024-06-01");
  assert_deadline (deadlines, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-03-26",
                   SB_DEADLINE_STATUS_UPCOMING);
}

static void
test_extension (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  const SbDeadline *deadline;
  SbBaseFacts facts;

  /* 6 months asked for on 2026-11-15, inside the window, granted on
   * 2026-11-20: the end moves from 2027-01-26 to 2027-07-26.  On
   * 2027-01-01 that is 206 days away (31 + 28 + 31 + 30 + 31 + 30 + 25). */
  base_a_evaluated (&facts);
  take_months (&facts, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-11-15", 6);
  take (&facts, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, "2026-11-20");
  deadlines = compute (&facts, "2027-01-01");

  deadline = assert_deadline (deadlines, SB_DEADLINE_EXTENDED_END, 0, "2027-07-26",
                              SB_DEADLINE_STATUS_UPCOMING);
  g_assert_cmpint (deadline->days_left, ==, 206);
  deadline = assert_deadline (deadlines, SB_DEADLINE_EXTENSION_REQUEST, 0, "2027-01-26",
                              SB_DEADLINE_STATUS_MET);
  assert_date (&deadline->met, "2026-11-15");
  /* The original end and acceptance date no longer apply. */
  assert_deadline (deadlines, SB_DEADLINE_CYCLE_END, 0, "2027-01-26",
                   SB_DEADLINE_STATUS_LAPSED);
  assert_deadline (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2026-10-26",
                   SB_DEADLINE_STATUS_LAPSED);
  assert_deadline (deadlines, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-07-26",
                   SB_DEADLINE_STATUS_MET);
  g_assert_true (sb_deadlines_find_next (deadlines)
                 == find (deadlines, SB_DEADLINE_EXTENDED_END, 0));

  /* Applying on the last day of the extension meets it. */
  take (&facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2027-07-26");
  deadlines2 = compute (&facts, "2027-07-27");
  deadline = assert_deadline (deadlines2, SB_DEADLINE_EXTENDED_END, 0, "2027-07-26",
                              SB_DEADLINE_STATUS_MET);
  assert_date (&deadline->met, "2027-07-26");
  g_assert_null (sb_deadlines_find_next (deadlines2));
}

static void
test_reapplication (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  g_autoptr(GArray) deadlines3 = NULL;
  const SbDeadline *deadline;
  SbBaseFacts facts;

  /* Approved 2022-08-31, end 2025-08-31, acceptance by 2025-05-31; applied
   * 2025-05-30, failed 2025-08-31: re-apply within 6 months, and
   * 2026-02-31 does not exist, so by 2026-02-28. */
  approve_on (&facts, "2022-08-31", 0);
  take (&facts, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2022-10-10");
  take (&facts, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2024-02-20");
  take (&facts, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, "2024-03-15");
  take (&facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2025-05-30");
  take (&facts, SB_ACTION_FAIL_ACCEPTANCE, SB_ROLE_AUTHORITY, "2025-08-31");

  deadlines = compute (&facts, "2025-09-01");
  assert_deadline (deadlines, SB_DEADLINE_REAPPLICATION, 0, "2026-02-28",
                   SB_DEADLINE_STATUS_UPCOMING);
  deadline = assert_deadline (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2025-05-31",
                              SB_DEADLINE_STATUS_MET);
  assert_date (&deadline->met, "2025-05-30");
  g_assert_true (sb_deadlines_find_next (deadlines)
                 == find (deadlines, SB_DEADLINE_REAPPLICATION, 0));

  /* On the last day it is due soon, the day after overdue. */
  deadlines2 = compute (&facts, "2026-03-01");
  deadline = assert_deadline (deadlines2, SB_DEADLINE_REAPPLICATION, 0, "2026-02-28",
                              SB_DEADLINE_STATUS_OVERDUE);
  g_assert_cmpint (deadline->days_left, ==, -1);

  take (&facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-02-28");
  deadlines3 = compute (&facts, "2026-03-01");
  deadline = assert_deadline (deadlines3, SB_DEADLINE_REAPPLICATION, 0, "2026-02-28",
                              SB_DEADLINE_STATUS_MET);
  assert_date (&deadline->met, "2026-02-28");
  /* nothing of the construction cycle is pending any more */
  g_assert_null (sb_deadlines_find_next (deadlines3));
}

/* Annual report and assessment (Art. 24, 35, 36) */

static void
test_annual (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  g_autoptr(GArray) deadlines3 = NULL;
  const SbDeadline *deadline;
  SbBaseFacts facts;

  /* Established 2026-11-30: reports and assessments for each year from
   * 2026, the report due 03-31 and the assessment 06-30 of the next year.
   * On 2027-04-01, without a report: the 2026 report is a day late. */
  base_a_established (&facts);
  deadlines = compute (&facts, "2027-04-01");
  deadline = assert_deadline (deadlines, SB_DEADLINE_ANNUAL_REPORT, 2026, "2027-03-31",
                              SB_DEADLINE_STATUS_OVERDUE);
  g_assert_cmpint (deadline->days_left, ==, -1);
  assert_deadline (deadlines, SB_DEADLINE_ANNUAL_ASSESSMENT, 2026, "2027-06-30",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines, SB_DEADLINE_ANNUAL_REPORT, 2027, "2028-03-31",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines, SB_DEADLINE_ANNUAL_ASSESSMENT, 2027, "2028-06-30",
                   SB_DEADLINE_STATUS_UPCOMING);
  /* nothing before the year of establishment, nothing for next year */
  g_assert_cmpuint (count_kind (deadlines, SB_DEADLINE_ANNUAL_REPORT), ==, 2);
  g_assert_cmpuint (count_kind (deadlines, SB_DEADLINE_ANNUAL_ASSESSMENT), ==, 2);
  g_assert_true (sb_deadlines_find_next (deadlines)
                 == find (deadlines, SB_DEADLINE_ANNUAL_REPORT, 2026));

  /* The construction cycle is over and met. */
  assert_deadline (deadlines, SB_DEADLINE_CYCLE_END, 0, "2027-01-26", SB_DEADLINE_STATUS_MET);
  assert_deadline (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2026-10-26",
                   SB_DEADLINE_STATUS_MET);
  assert_status (find (deadlines, SB_DEADLINE_EXTENSION_REQUEST, 0), SB_DEADLINE_STATUS_LAPSED);

  /* With the report in, on 2027-06-05 the assessment is 25 days away. */
  take_year (&facts, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-03-01", 2026);
  deadlines2 = compute (&facts, "2027-06-05");
  assert_deadline (deadlines2, SB_DEADLINE_ANNUAL_REPORT, 2026, "2027-03-31",
                   SB_DEADLINE_STATUS_MET);
  deadline = assert_deadline (deadlines2, SB_DEADLINE_ANNUAL_ASSESSMENT, 2026, "2027-06-30",
                              SB_DEADLINE_STATUS_DUE_SOON);
  g_assert_cmpint (deadline->days_left, ==, 25);
  g_assert_true (sb_deadlines_find_next (deadlines2) == deadline);

  /* Assessed: the next is the 2027 report.  Two years on, 2028 has its
   * own pair too. */
  take_year (&facts, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-20", 2026);
  deadlines3 = compute (&facts, "2028-01-10");
  assert_deadline (deadlines3, SB_DEADLINE_ANNUAL_ASSESSMENT, 2026, "2027-06-30",
                   SB_DEADLINE_STATUS_MET);
  g_assert_cmpuint (count_kind (deadlines3, SB_DEADLINE_ANNUAL_REPORT), ==, 3);
  assert_deadline (deadlines3, SB_DEADLINE_ANNUAL_REPORT, 2028, "2029-03-31",
                   SB_DEADLINE_STATUS_UPCOMING);
  g_assert_true (sb_deadlines_find_next (deadlines3)
                 == find (deadlines3, SB_DEADLINE_ANNUAL_REPORT, 2027));
}

static void
test_annual_rules (void)
{
  g_autoptr(GArray) deadlines = NULL;
  SbDeadlineRules rules;
  SbBaseFacts facts;

  sb_deadline_rules_init_default (&rules);
  g_assert_cmpint (rules.report_due_month, ==, 3);
  g_assert_cmpint (rules.report_due_day, ==, 31);
  g_assert_cmpint (rules.assessment_due_month, ==, 6);
  g_assert_cmpint (rules.assessment_due_day, ==, 30);

  /* The authority may set other dates. */
  rules.report_due_month = 2;
  rules.report_due_day = 28;
  rules.assessment_due_month = 9;
  rules.assessment_due_day = 15;
  base_a_established (&facts);
  deadlines = compute_with (&facts, &rules, "2027-01-10");
  assert_deadline (deadlines, SB_DEADLINE_ANNUAL_REPORT, 2026, "2027-02-28",
                   SB_DEADLINE_STATUS_UPCOMING);
  assert_deadline (deadlines, SB_DEADLINE_ANNUAL_ASSESSMENT, 2026, "2027-09-15",
                   SB_DEADLINE_STATUS_UPCOMING);
}

/* Rectification (Art. 38) */

static void
test_rectification (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  g_autoptr(GArray) deadlines3 = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* The 2026 assessment failed on 2027-06-01, rectify by 2027-12-31. */
  base_a_established (&facts);
  take_year (&facts, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-03-01", 2026);
  request_init (&request, SB_ACTION_FAIL_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-01");
  request.year = 2026;
  date_set (&request.deadline, "2027-12-31");
  take_request (&facts, &request);

  deadlines = compute (&facts, "2027-06-01");
  assert_deadline (deadlines, SB_DEADLINE_RECTIFICATION, 0, "2027-12-31",
                   SB_DEADLINE_STATUS_UPCOMING);
  /* the assessment took place, even though it failed */
  assert_deadline (deadlines, SB_DEADLINE_ANNUAL_ASSESSMENT, 2026, "2027-06-30",
                   SB_DEADLINE_STATUS_MET);
  /* and the yearly cycle goes on while rectifying */
  assert_deadline (deadlines, SB_DEADLINE_ANNUAL_REPORT, 2027, "2028-03-31",
                   SB_DEADLINE_STATUS_UPCOMING);

  deadlines2 = compute (&facts, "2028-01-01");
  assert_deadline (deadlines2, SB_DEADLINE_RECTIFICATION, 0, "2027-12-31",
                   SB_DEADLINE_STATUS_OVERDUE);

  /* Revoked after the failed re-check: nothing is pending any more. */
  take (&facts, SB_ACTION_FAIL_RECHECK, SB_ROLE_AUTHORITY, "2028-01-05");
  deadlines3 = compute (&facts, "2028-04-01");
  assert_deadline (deadlines3, SB_DEADLINE_RECTIFICATION, 0, "2027-12-31",
                   SB_DEADLINE_STATUS_LAPSED);
  assert_deadline (deadlines3, SB_DEADLINE_ANNUAL_REPORT, 2027, "2028-03-31",
                   SB_DEADLINE_STATUS_LAPSED);
  g_assert_null (sb_deadlines_find_next (deadlines3));
}

/* Statuses, judged on a fixed today */

static void
test_status_boundaries (void)
{
  struct
  {
    const char       *today;
    SbDeadlineStatus  status;
    int               days_left;
  } cases[] = {
    /* The plan is due on 2024-03-13 (see /deadlines/plan/spring-festival-2024). */
    { "2024-01-26", SB_DEADLINE_STATUS_UPCOMING, 47 },  /* 5 + 29 + 13 */
    { "2024-02-11", SB_DEADLINE_STATUS_UPCOMING, 31 },  /* 18 + 13 */
    { "2024-02-12", SB_DEADLINE_STATUS_DUE_SOON, 30 },
    { "2024-03-12", SB_DEADLINE_STATUS_DUE_SOON, 1 },
    { "2024-03-13", SB_DEADLINE_STATUS_DUE_SOON, 0 },
    { "2024-03-14", SB_DEADLINE_STATUS_OVERDUE, -1 },
    { "2025-03-13", SB_DEADLINE_STATUS_OVERDUE, -365 },
  };
  SbBaseFacts facts;

  g_assert_cmpint (SB_DEADLINE_DUE_SOON_DAYS, ==, 30);

  approve_on (&facts, "2024-01-26", 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) deadlines = compute (&facts, cases[i].today);
      const SbDeadline *plan;

      g_test_message ("today %s", cases[i].today);
      plan = assert_deadline (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, 0, "2024-03-13",
                              cases[i].status);
      g_assert_cmpint (plan->days_left, ==, cases[i].days_left);
      g_assert_true (sb_deadline_is_pending (plan));
      g_assert_false (g_date_valid (&plan->met));
    }

  /* Submitted on 2024-03-01: met, whenever it is looked at. */
  take (&facts, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2024-03-01");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) deadlines = compute (&facts, cases[i].today);
      const SbDeadline *plan;

      plan = assert_deadline (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, 0, "2024-03-13",
                              SB_DEADLINE_STATUS_MET);
      assert_date (&plan->met, "2024-03-01");
      g_assert_false (sb_deadline_is_pending (plan));
    }
}

static void
test_status_lapsed_when_revoked (void)
{
  g_autoptr(GArray) deadlines = NULL;
  SbBaseFacts facts;

  /* Revoked the day after the cycle ended, without a mid-term report. */
  base_a_constructing (&facts);
  take (&facts, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-27");
  deadlines = compute (&facts, "2027-02-01");

  assert_deadline (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, 0, "2024-03-13",
                   SB_DEADLINE_STATUS_MET);
  assert_deadline (deadlines, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-07-26",
                   SB_DEADLINE_STATUS_LAPSED);
  assert_deadline (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2026-10-26",
                   SB_DEADLINE_STATUS_LAPSED);
  assert_deadline (deadlines, SB_DEADLINE_EXTENSION_REQUEST, 0, "2027-01-26",
                   SB_DEADLINE_STATUS_LAPSED);
  assert_deadline (deadlines, SB_DEADLINE_CYCLE_END, 0, "2027-01-26",
                   SB_DEADLINE_STATUS_LAPSED);
  g_assert_null (sb_deadlines_find_next (deadlines));

  for (guint i = 0; i < deadlines->len; i++)
    g_assert_false (sb_deadline_is_pending (&g_array_index (deadlines, SbDeadline, i)));
}

static void
test_status_midterm_when_extended (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  SbBaseFacts facts;

  /* A base that asks for an extension without a mid-term report: while
   * the request is open the report is overdue (the base can still hand it
   * in if the extension is refused) ... */
  base_a_constructing (&facts);
  take_months (&facts, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-11-15", 3);
  deadlines = compute (&facts, "2026-11-16");
  assert_deadline (deadlines, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-07-26",
                   SB_DEADLINE_STATUS_OVERDUE);
  /* the acceptance application is no longer met by anything */
  assert_deadline (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, 0, "2026-10-26",
                   SB_DEADLINE_STATUS_LAPSED);

  /* ... but once extended, no rule takes a mid-term report any more, so
   * it cannot stay overdue for ever: it lapses. */
  take (&facts, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, "2026-11-20");
  deadlines2 = compute (&facts, "2026-11-21");
  assert_deadline (deadlines2, SB_DEADLINE_MIDTERM_REPORT, 0, "2025-07-26",
                   SB_DEADLINE_STATUS_LAPSED);
  /* 3 months granted: 2027-01-26 + 3 months */
  assert_deadline (deadlines2, SB_DEADLINE_EXTENDED_END, 0, "2027-04-26",
                   SB_DEADLINE_STATUS_UPCOMING);
}

static void
test_none_before_approval (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  sb_base_facts_init (&facts);
  deadlines = compute (&facts, "2024-01-01");
  g_assert_cmpuint (deadlines->len, ==, 0);
  g_assert_null (sb_deadlines_find_next (deadlines));

  /* a rejected application has none either */
  sb_base_facts_init (&facts);
  facts.has_short_name = facts.has_domain = TRUE;
  facts.has_recommender = facts.lead_unit_eligible = TRUE;
  take (&facts, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2024-01-02");
  take (&facts, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, "2024-01-03");
  take (&facts, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, "2024-01-04");
  take (&facts, SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_ROLE_EXPERT, "2024-01-05");
  request_init (&request, SB_ACTION_REJECT, SB_ROLE_AUTHORITY, "2024-01-26");
  take_request (&facts, &request);
  deadlines2 = compute (&facts, "2024-02-01");
  g_assert_cmpuint (deadlines2->len, ==, 0);
}

/* sb_deadlines_find_next() */

static void
test_next_constructing (void)
{
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) deadlines2 = NULL;
  const SbDeadline *next;
  SbBaseFacts facts;

  /* Plan in: the mid-term report (2025-07-26) comes first. */
  base_a_constructing (&facts);
  deadlines = compute (&facts, "2025-01-01");
  next = sb_deadlines_find_next (deadlines);
  g_assert_nonnull (next);
  g_assert_cmpint (next->kind, ==, SB_DEADLINE_MIDTERM_REPORT);
  assert_date (&next->date, "2025-07-26");

  /* Mid-term done: the acceptance application (2026-10-26), which falls
   * before the extension window closes and the cycle ends (2027-01-26). */
  base_a_evaluated (&facts);
  deadlines2 = compute (&facts, "2025-10-01");
  next = sb_deadlines_find_next (deadlines2);
  g_assert_nonnull (next);
  g_assert_cmpint (next->kind, ==, SB_DEADLINE_ACCEPTANCE_APPLICATION);
  assert_date (&next->date, "2026-10-26");
}

static void
append (GArray           *deadlines,
        SbDeadlineKind    kind,
        const char       *date,
        SbDeadlineStatus  status)
{
  SbDeadline deadline = { .kind = kind, .status = status };

  g_date_clear (&deadline.date, 1);
  g_date_clear (&deadline.opens, 1);
  g_date_clear (&deadline.met, 1);
  if (date != NULL)
    date_set (&deadline.date, date);
  g_array_append_val (deadlines, deadline);
}

static void
test_next_synthetic (void)
{
  g_autoptr(GArray) deadlines = g_array_new (FALSE, FALSE, sizeof (SbDeadline));
  const SbDeadline *next;

  g_assert_null (sb_deadlines_find_next (deadlines));

  /* Met and lapsed ones never come next, however early. */
  append (deadlines, SB_DEADLINE_CONSTRUCTION_PLAN, "2020-01-01", SB_DEADLINE_STATUS_MET);
  append (deadlines, SB_DEADLINE_MIDTERM_REPORT, "2020-06-01", SB_DEADLINE_STATUS_LAPSED);
  g_assert_null (sb_deadlines_find_next (deadlines));

  /* The earliest pending one, whatever its place in the list; overdue
   * ones are pending. */
  append (deadlines, SB_DEADLINE_CYCLE_END, "2030-01-01", SB_DEADLINE_STATUS_UPCOMING);
  append (deadlines, SB_DEADLINE_ANNUAL_REPORT, "2026-03-31", SB_DEADLINE_STATUS_DUE_SOON);
  append (deadlines, SB_DEADLINE_ACCEPTANCE_APPLICATION, "2025-01-01",
          SB_DEADLINE_STATUS_OVERDUE);
  append (deadlines, SB_DEADLINE_ANNUAL_ASSESSMENT, "2026-06-30", SB_DEADLINE_STATUS_UPCOMING);
  next = sb_deadlines_find_next (deadlines);
  g_assert_true (next == &g_array_index (deadlines, SbDeadline, 4));

  /* One that cannot be computed comes before all, even at the end. */
  append (deadlines, SB_DEADLINE_RECTIFICATION, NULL, SB_DEADLINE_STATUS_UNKNOWN);
  next = sb_deadlines_find_next (deadlines);
  g_assert_true (next == &g_array_index (deadlines, SbDeadline, 6));
  g_assert_true (sb_deadline_is_pending (next));
}

/* Names and articles */

static void
test_kinds (void)
{
  const int articles[SB_N_DEADLINE_KINDS] = {
    [SB_DEADLINE_CONSTRUCTION_PLAN] = 16,
    [SB_DEADLINE_MIDTERM_REPORT] = 19,
    [SB_DEADLINE_ACCEPTANCE_APPLICATION] = 20,
    [SB_DEADLINE_EXTENSION_REQUEST] = 21,
    [SB_DEADLINE_CYCLE_END] = 18,
    [SB_DEADLINE_EXTENDED_END] = 21,
    [SB_DEADLINE_REAPPLICATION] = 20,
    [SB_DEADLINE_ANNUAL_REPORT] = 35,
    [SB_DEADLINE_ANNUAL_ASSESSMENT] = 36,
    [SB_DEADLINE_RECTIFICATION] = 38,
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (SbDeadlineKind kind = 0; kind < SB_N_DEADLINE_KINDS; kind++)
    {
      const char *id = sb_deadline_kind_to_string (kind);

      g_assert_nonnull (id);
      g_assert_true (g_hash_table_add (seen, (gpointer) id));
      g_assert_cmpstr (sb_deadline_kind_get_label (kind), !=, "");
      g_assert_cmpint (sb_deadline_kind_get_article (kind), ==, articles[kind]);
    }

  for (SbDeadlineStatus status = SB_DEADLINE_STATUS_MET;
       status <= SB_DEADLINE_STATUS_UNKNOWN; status++)
    {
      const char *id = sb_deadline_status_to_string (status);

      g_assert_nonnull (id);
      g_assert_true (g_hash_table_add (seen, (gpointer) id));
      g_assert_cmpstr (sb_deadline_status_get_label (status), !=, "");
    }
  g_assert_cmpstr (sb_deadline_status_to_string (SB_DEADLINE_STATUS_DUE_SOON), ==, "due-soon");
}

/* sb-date */

static void
test_date_parse_valid (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (sb_date_parse ("2024-02-29", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);

  g_assert_true (sb_date_parse ("2021-09-24", &date, &error));
  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_FRIDAY);
  g_assert_true (sb_date_parse ("2000-02-29", &date, NULL));
  g_assert_true (sb_date_parse ("2026-12-31", &date, NULL));
}

static void
test_date_parse_invalid (void)
{
  struct
  {
    const char *text;
    const char *part; /* of the message */
  } cases[] = {
    { "2023-02-29", "28 days" },   /* not a leap year */
    { "1900-02-29", "28 days" },   /* nor is 1900 */
    { "2024-04-31", "30 days" },
    { "2024-13-01", "no month 13" },
    { "2024-00-10", "no month 0" },
    { "2024-01-00", "31 days" },
    { "2024-1-5", "YYYY-MM-DD" },
    { "2024-01-5", "YYYY-MM-DD" },
    { "24-01-05", "YYYY-MM-DD" },
    { "2024/01/05", "YYYY-MM-DD" },
    { "2024.01.05", "YYYY-MM-DD" },
    { "20240105", "YYYY-MM-DD" },
    { "", "No date" },
    { "tomorrow", "YYYY-MM-DD" },
    { "2024-01-05x", "YYYY-MM-DD" },
    { "2024-01-05 ", "YYYY-MM-DD" },
    { " 2024-01-05", "YYYY-MM-DD" },
    { "2024-01-05T10:00", "YYYY-MM-DD" },
    { "２０２４-01-05", "YYYY-MM-DD" }, /* full-width digits */
    { "+202-01-05", "YYYY-MM-DD" },
    { "1899-12-31", "1900" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("parsing “%s”", cases[i].text);
      date_set (&date, "2024-01-01");
      g_assert_false (sb_date_parse (cases[i].text, &date, &error));
      g_assert_error (error, SB_DATE_ERROR, SB_DATE_ERROR_INVALID);
      if (strstr (error->message, cases[i].part) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].part);
      /* the input is quoted back, so the user sees what was wrong */
      if (*cases[i].text != '\0' && strstr (error->message, cases[i].text) == NULL)
        g_error ("“%s” does not quote “%s”", error->message, cases[i].text);
      /* and the date is left cleared, not half set */
      g_assert_false (g_date_valid (&date));
    }

  {
    g_autoptr(GError) error = NULL;
    GDate date;

    g_assert_false (sb_date_parse (NULL, &date, &error));
    g_assert_error (error, SB_DATE_ERROR, SB_DATE_ERROR_INVALID);
  }
}

static void
test_date_format (void)
{
  const char *dates[] = {
    "1900-01-01", "2000-02-29", "2021-09-24", "2024-02-29", "2024-03-05",
    "2026-12-31", "2200-12-31",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = NULL;
      GDate again;

      date_set (&date, dates[i]);
      text = sb_date_format (&date);
      g_assert_cmpstr (text, ==, dates[i]);
      date_set (&again, text);
      g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
    }

  /* zero-padded, from a date built otherwise */
  {
    g_autofree char *text = NULL;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 5, 3, 2024);
    text = sb_date_format (&date);
    g_assert_cmpstr (text, ==, "2024-03-05");
  }

  /* a date not set has no text */
  g_date_clear (&date, 1);
  g_assert_null (sb_date_format (&date));
}

static void
test_date_add_months (void)
{
  struct
  {
    const char *from;
    int         months;
    const char *to;
  } cases[] = {
    { "2024-01-26", 36, "2027-01-26" },
    { "2023-08-31", 6, "2024-02-29" },   /* leap February */
    { "2023-08-31", 18, "2025-02-28" },
    { "2024-02-29", 12, "2025-02-28" },
    { "2023-01-31", 1, "2023-02-28" },
    { "2024-05-31", -3, "2024-02-29" },
    { "2027-01-26", -3, "2026-10-26" },
    { "2026-03-31", -1, "2026-02-28" },
    { "2024-01-26", 0, "2024-01-26" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;

      date_set (&from, cases[i].from);
      sb_date_add_months_to (&from, cases[i].months, &to);
      assert_date (&to, cases[i].to);
      /* the source is left alone */
      assert_date (&from, cases[i].from);
    }
}

static void
test_date_today (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;
  GDate today;

  sb_date_set_today (&today);
  after = g_date_time_new_now_local ();
  g_assert_true (g_date_valid (&today));
  /* the local date, even if midnight passed in between */
  g_assert_true ((g_date_get_day (&today) == g_date_time_get_day_of_month (before)
                  && g_date_get_month (&today) == (GDateMonth) g_date_time_get_month (before)
                  && g_date_get_year (&today) == g_date_time_get_year (before))
                 || (g_date_get_day (&today) == g_date_time_get_day_of_month (after)
                     && g_date_get_month (&today) == (GDateMonth) g_date_time_get_month (after)
                     && g_date_get_year (&today) == g_date_time_get_year (after)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  calendar = sb_calendar_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/deadlines/plan/spring-festival-2024", test_plan_spring_festival_2024);
  g_test_add_func ("/deadlines/plan/qingming-2024", test_plan_qingming_2024);
  g_test_add_func ("/deadlines/plan/national-day-2023", test_plan_national_day_2023);
  g_test_add_func ("/deadlines/plan/national-day-2025", test_plan_national_day_2025);
  g_test_add_func ("/deadlines/plan/year-without-data", test_plan_year_without_data);
  g_test_add_func ("/deadlines/cycle/default", test_cycle_default);
  g_test_add_func ("/deadlines/cycle/24-months", test_cycle_24_months);
  g_test_add_func ("/deadlines/cycle/month-end", test_cycle_month_end);
  g_test_add_func ("/deadlines/cycle/midterm-percent", test_midterm_percent);
  g_test_add_func ("/deadlines/cycle/extension", test_extension);
  g_test_add_func ("/deadlines/cycle/reapplication", test_reapplication);
  g_test_add_func ("/deadlines/annual/report-and-assessment", test_annual);
  g_test_add_func ("/deadlines/annual/rules", test_annual_rules);
  g_test_add_func ("/deadlines/annual/rectification", test_rectification);
  g_test_add_func ("/deadlines/status/boundaries", test_status_boundaries);
  g_test_add_func ("/deadlines/status/lapsed-when-revoked", test_status_lapsed_when_revoked);
  g_test_add_func ("/deadlines/status/midterm-when-extended", test_status_midterm_when_extended);
  g_test_add_func ("/deadlines/status/none-before-approval", test_none_before_approval);
  g_test_add_func ("/deadlines/next/constructing", test_next_constructing);
  g_test_add_func ("/deadlines/next/synthetic", test_next_synthetic);
  g_test_add_func ("/deadlines/kinds", test_kinds);
  g_test_add_func ("/deadlines/date/parse-valid", test_date_parse_valid);
  g_test_add_func ("/deadlines/date/parse-invalid", test_date_parse_invalid);
  g_test_add_func ("/deadlines/date/format", test_date_format);
  g_test_add_func ("/deadlines/date/add-months", test_date_add_months);
  g_test_add_func ("/deadlines/date/today", test_date_today);

  result = g_test_run ();
  g_clear_object (&calendar);

  return result;
}
