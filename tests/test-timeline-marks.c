/* test-timeline-marks.c: the bars and marks of each base's lane
 *
 * The bases are built by recording real, dated steps through the
 * life-cycle rules, as the store does; the expected dates were worked out
 * by hand (the working is in the comments, and in test-deadlines.c for
 * the deadlines themselves).
 *
 * Base A: approved Friday 2024-01-26 for 36 months.
 *   plan due        30 working days → 2024-03-13 (Spring Festival 2024)
 *   mid-term due    + 18 months     → 2025-07-26
 *   acceptance      end − 3 months  → 2026-10-26
 *   extension       2026-10-26 … 2027-01-26
 *   cycle end       + 36 months     → 2027-01-26
 */
#include "config.h"

#include <glib.h>
#include <string.h>
#include <locale.h>

#include "sb-calendar.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-programme.h"
#include "sb-test-facts.h"
#include "sb-timeline-marks.h"

static SbCalendar *calendar;

static void
approve_on (SbBaseFacts *facts,
            const char  *date)
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
  take (facts, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, date);
}

static void
base_a_constructing (SbBaseFacts *facts)
{
  approve_on (facts, "2024-01-26");
  take (facts, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2024-03-01");
}

static void
base_a_evaluated (SbBaseFacts *facts)
{
  base_a_constructing (facts);
  take (facts, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2025-07-20");
  take (facts, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, "2025-09-10");
}

static void
base_a_established (SbBaseFacts *facts)
{
  base_a_evaluated (facts);
  take (facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-09-01");
  take (facts, SB_ACTION_PASS_ACCEPTANCE, SB_ROLE_AUTHORITY, "2026-11-30");
}

static SbTimelineLane *
compute (const SbBaseFacts *facts,
         const char        *today)
{
  g_autoptr(GArray) deadlines = NULL;
  SbDeadlineRules rules;
  GDate date;

  date_set (&date, today);
  sb_deadline_rules_init_default (&rules);
  deadlines = sb_deadlines_compute (facts, calendar, &rules, &date);

  return sb_timeline_lane_new (1, facts, deadlines, &date);
}

static gint32
day_of (const char *text)
{
  GDate date;

  date_set (&date, text);
  return g_date_get_julian (&date);
}

static char *
format_day (gint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return sb_date_format (&date);
}

static const SbTimelineMark *
find_mark (const SbTimelineLane *lane,
           const char           *id)
{
  for (guint i = 0; i < sb_timeline_lane_get_n_marks (lane); i++)
    {
      const SbTimelineMark *mark = sb_timeline_lane_get_mark (lane, i);
      g_autofree char *mark_id = sb_timeline_mark_dup_id (mark);

      if (g_str_equal (mark_id, id))
        return mark;
    }

  g_error ("no mark “%s”", id);
  return NULL;
}

static const SbTimelineMark *
assert_mark (const SbTimelineLane *lane,
             const char           *id,
             const char           *date,
             SbDeadlineStatus      status,
             int                   article)
{
  const SbTimelineMark *mark = find_mark (lane, id);
  g_autofree char *text = format_day (mark->day);

  if (!g_str_equal (text, date) || mark->status != status || mark->article != article)
    g_error ("“%s” is %s, %s, Art. %d; expected %s, %s, Art. %d", id,
             text, sb_deadline_status_to_string (mark->status), mark->article,
             date, sb_deadline_status_to_string (status), article);

  return mark;
}

static void
assert_no_mark (const SbTimelineLane *lane,
                const char           *id)
{
  for (guint i = 0; i < sb_timeline_lane_get_n_marks (lane); i++)
    {
      g_autofree char *mark_id = sb_timeline_mark_dup_id (sb_timeline_lane_get_mark (lane, i));

      if (g_str_equal (mark_id, id))
        g_error ("unexpected mark “%s”", id);
    }
}

/* Phase, start, where what happened ends (NULL: same as end), end (NULL: open). */
static void
assert_bar (const SbTimelineLane *lane,
            guint                 index,
            SbTimelinePhase       phase,
            const char           *start,
            const char           *actual_until,
            const char           *end)
{
  const SbTimelineBar *bar;

  g_assert_cmpuint (index, <, lane->n_bars);
  bar = &lane->bars[index];
  g_assert_cmpstr (sb_timeline_phase_to_string (bar->phase), ==, sb_timeline_phase_to_string (phase));
  g_assert_cmpint (bar->start, ==, day_of (start));
  if (end == NULL)
    g_assert_cmpint (bar->end, ==, SB_TIMELINE_OPEN_END);
  else
    g_assert_cmpint (bar->end, ==, day_of (end));
  g_assert_cmpint (bar->actual_until, ==, day_of (actual_until ? actual_until : end));
}

static void
assert_sorted (const SbTimelineLane *lane)
{
  for (guint i = 1; i < sb_timeline_lane_get_n_marks (lane); i++)
    g_assert_cmpint (sb_timeline_lane_get_mark (lane, i - 1)->day, <=,
                     sb_timeline_lane_get_mark (lane, i)->day);
}

/* Tests */

static void
test_applying (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  SbBaseFacts facts;

  sb_base_facts_init (&facts);
  facts.has_short_name = facts.has_domain = facts.has_recommender = facts.lead_unit_eligible = TRUE;
  take (&facts, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2026-10-09");
  take (&facts, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, "2026-10-20");

  /* Before approval: the submission only, no phase, no deadline. */
  lane = compute (&facts, "2026-11-27");
  g_assert_cmpuint (lane->n_bars, ==, 0);
  g_assert_cmpuint (sb_timeline_lane_get_n_marks (lane), ==, 1);
  assert_mark (lane, "event:submitted", "2026-10-09", SB_DEADLINE_STATUS_MET, 13);
}

static void
test_rejected (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  SbBaseFacts facts;

  sb_base_facts_init (&facts);
  facts.has_short_name = facts.has_domain = facts.has_recommender = facts.lead_unit_eligible = TRUE;
  take (&facts, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2026-03-02");
  take (&facts, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, "2026-03-10");
  take (&facts, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, "2026-04-01");
  take (&facts, SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_ROLE_EXPERT, "2026-05-01");
  take (&facts, SB_ACTION_REJECT, SB_ROLE_AUTHORITY, "2026-05-20");

  lane = compute (&facts, "2026-11-27");
  g_assert_cmpuint (lane->n_bars, ==, 0);
  assert_mark (lane, "event:submitted", "2026-03-02", SB_DEADLINE_STATUS_MET, 13);
  assert_mark (lane, "event:rejected", "2026-05-20", SB_DEADLINE_STATUS_MET, 15);
  assert_no_mark (lane, "event:revoked");
}

static void
test_preparing_due_soon (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  g_autofree char *text = NULL;
  const SbTimelineMark *plan;
  SbBaseFacts facts;

  approve_on (&facts, "2024-01-26");

  /* 2024-02-20 → 2024-03-13: 9 days to 29 February (a leap year), 13 in
   * March: 22 days, within the 30 of "due soon". */
  lane = compute (&facts, "2024-02-20");

  /* Preparing since approval, as planned for the whole cycle */
  g_assert_cmpuint (lane->n_bars, ==, 1);
  assert_bar (lane, 0, SB_TIMELINE_PHASE_PREPARING, "2024-01-26", "2024-02-20", "2027-01-26");

  assert_mark (lane, "event:approved", "2024-01-26", SB_DEADLINE_STATUS_MET, 15);
  plan = assert_mark (lane, "deadline:construction-plan", "2024-03-13", SB_DEADLINE_STATUS_DUE_SOON, 16);
  g_assert_cmpint (plan->days_left, ==, 22);
  assert_mark (lane, "deadline:midterm-report", "2025-07-26", SB_DEADLINE_STATUS_UPCOMING, 19);
  assert_mark (lane, "deadline:acceptance-application", "2026-10-26", SB_DEADLINE_STATUS_UPCOMING, 20);
  assert_mark (lane, "deadline:cycle-end", "2027-01-26", SB_DEADLINE_STATUS_UPCOMING, 18);
  g_assert_cmpint (assert_mark (lane, "window:extension-request", "2027-01-26",
                                SB_DEADLINE_STATUS_UPCOMING, 21)->opens, ==, day_of ("2026-10-26"));
  assert_sorted (lane);

  /* Same day: the steps first, then the deadlines; the window last. */
  g_assert_cmpint (sb_timeline_lane_get_mark (lane, sb_timeline_lane_get_n_marks (lane) - 1)->kind,
                   ==, SB_TIMELINE_MARK_WINDOW);

  text = sb_timeline_mark_describe (plan, "Base A");
  g_assert_cmpstr (text, ==, "Base A\nConstruction plan due\n2024-03-13\nArt. 16\nDue soon, 22 days left");
  g_assert_cmpuint (sb_timeline_lane_count_status (lane, SB_DEADLINE_STATUS_DUE_SOON), ==, 1);
}

static void
test_preparing_overdue (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  g_autofree char *text = NULL;
  const SbTimelineMark *plan;
  SbBaseFacts facts;

  approve_on (&facts, "2024-01-26");

  /* A week after 2024-03-13 */
  lane = compute (&facts, "2024-03-20");
  plan = assert_mark (lane, "deadline:construction-plan", "2024-03-13", SB_DEADLINE_STATUS_OVERDUE, 16);
  g_assert_cmpint (plan->days_left, ==, -7);
  text = sb_timeline_mark_describe (plan, NULL);
  g_assert_cmpstr (text, ==, "Construction plan due\n2024-03-13\nArt. 16\nOverdue by 7 days");
  g_assert_cmpuint (sb_timeline_lane_count_status (lane, SB_DEADLINE_STATUS_OVERDUE), ==, 1);
}

static void
test_constructing (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  g_autofree char *text = NULL;
  const SbTimelineMark *window;
  SbBaseFacts facts;

  base_a_constructing (&facts);

  /* 2026-11-27: no mid-term report was ever sent, the acceptance
   * application is a month late; the extension window, open since
   * 2026-10-26, closes in 4 + 31 + 26 = 60 days. */
  lane = compute (&facts, "2026-11-27");

  g_assert_cmpuint (lane->n_bars, ==, 2);
  assert_bar (lane, 0, SB_TIMELINE_PHASE_PREPARING, "2024-01-26", NULL, "2024-03-01");
  assert_bar (lane, 1, SB_TIMELINE_PHASE_CONSTRUCTING, "2024-03-01", "2026-11-27", "2027-01-26");

  assert_mark (lane, "event:plan-submitted", "2024-03-01", SB_DEADLINE_STATUS_MET, 16);
  g_assert_cmpint (assert_mark (lane, "deadline:construction-plan", "2024-03-13",
                                SB_DEADLINE_STATUS_MET, 16)->met, ==, day_of ("2024-03-01"));
  assert_mark (lane, "deadline:midterm-report", "2025-07-26", SB_DEADLINE_STATUS_OVERDUE, 19);
  assert_mark (lane, "deadline:acceptance-application", "2026-10-26", SB_DEADLINE_STATUS_OVERDUE, 20);
  window = assert_mark (lane, "window:extension-request", "2027-01-26", SB_DEADLINE_STATUS_UPCOMING, 21);
  g_assert_cmpint (window->days_left, ==, 60);
  assert_sorted (lane);

  text = sb_timeline_mark_describe (window, NULL);
  g_assert_cmpstr (text, ==, "Last day to request an extension\nFrom 2026-10-26 to 2027-01-26\n"
                             "Art. 21\nUpcoming, 60 days left");
  text = (g_free (text), sb_timeline_mark_describe (find_mark (lane, "deadline:construction-plan"), NULL));
  g_assert_cmpstr (text, ==, "Construction plan due\n2024-03-13\nArt. 16\nMet on 2024-03-01");
}

static void
test_extended (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  SbBaseFacts facts;

  /* Asked on 2026-11-15 (in the window) for 6 months, granted on
   * 2026-11-20: the cycle runs on to 2027-01-26 + 6 months = 2027-07-26.
   * On 2027-03-01 that is 30 + 30 + 31 + 30 + 26 = 147 days away. */
  base_a_evaluated (&facts);
  take_months (&facts, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-11-15", 6);
  take_months (&facts, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, "2026-11-20", 6);

  lane = compute (&facts, "2027-03-01");
  g_assert_cmpuint (lane->n_bars, ==, 3);
  assert_bar (lane, 1, SB_TIMELINE_PHASE_CONSTRUCTING, "2024-03-01", NULL, "2027-01-26");
  assert_bar (lane, 2, SB_TIMELINE_PHASE_EXTENSION, "2027-01-26", "2027-03-01", "2027-07-26");

  assert_mark (lane, "event:extension-requested", "2026-11-15", SB_DEADLINE_STATUS_MET, 21);
  g_assert_cmpint (assert_mark (lane, "deadline:extended-end", "2027-07-26",
                                SB_DEADLINE_STATUS_UPCOMING, 21)->days_left, ==, 147);
  assert_mark (lane, "deadline:midterm-report", "2025-07-26", SB_DEADLINE_STATUS_MET, 19);
  assert_mark (lane, "window:extension-request", "2027-01-26", SB_DEADLINE_STATUS_MET, 21);
}

static void
test_rectifying (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  SbBaseFacts facts;

  /* Failed acceptance on 2026-11-10: six months to re-apply, to
   * 2027-05-10. */
  base_a_evaluated (&facts);
  take (&facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-09-01");
  take (&facts, SB_ACTION_FAIL_ACCEPTANCE, SB_ROLE_AUTHORITY, "2026-11-10");

  lane = compute (&facts, "2026-11-27");
  g_assert_cmpuint (lane->n_bars, ==, 3);
  assert_bar (lane, 1, SB_TIMELINE_PHASE_CONSTRUCTING, "2024-03-01", NULL, "2026-11-10");
  assert_bar (lane, 2, SB_TIMELINE_PHASE_RECTIFYING, "2026-11-10", "2026-11-27", "2027-05-10");

  assert_mark (lane, "event:acceptance-applied", "2026-09-01", SB_DEADLINE_STATUS_MET, 20);
  assert_mark (lane, "event:acceptance-failed", "2026-11-10", SB_DEADLINE_STATUS_MET, 20);
  assert_mark (lane, "deadline:reapplication", "2027-05-10", SB_DEADLINE_STATUS_UPCOMING, 20);
  assert_mark (lane, "deadline:acceptance-application", "2026-10-26", SB_DEADLINE_STATUS_MET, 20);
}

static void
test_established (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  SbBaseFacts facts;

  /* Established 2026-11-30.  The report for 2026 was due 2027-03-31 and
   * came on 2027-03-20; the 2026 assessment was due 2027-06-30 and has
   * not been recorded by 2027-08-01.  Those for 2027 are due in 2028. */
  base_a_established (&facts);
  take_year (&facts, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-03-20", 2026);

  lane = compute (&facts, "2027-08-01");
  g_assert_cmpuint (lane->n_bars, ==, 3);
  assert_bar (lane, 1, SB_TIMELINE_PHASE_CONSTRUCTING, "2024-03-01", NULL, "2026-11-30");
  g_assert_cmpint (lane->bars[2].phase, ==, SB_TIMELINE_PHASE_ESTABLISHED);
  g_assert_cmpint (lane->bars[2].start, ==, day_of ("2026-11-30"));
  g_assert_cmpint (lane->bars[2].actual_until, ==, day_of ("2027-08-01"));
  g_assert_cmpint (lane->bars[2].end, ==, SB_TIMELINE_OPEN_END);

  assert_mark (lane, "event:acceptance-passed", "2026-11-30", SB_DEADLINE_STATUS_MET, 22);
  assert_mark (lane, "deadline:annual-report:2026", "2027-03-31", SB_DEADLINE_STATUS_MET, 35);
  assert_mark (lane, "deadline:annual-assessment:2026", "2027-06-30", SB_DEADLINE_STATUS_OVERDUE, 36);
  assert_mark (lane, "deadline:annual-report:2027", "2028-03-31", SB_DEADLINE_STATUS_UPCOMING, 35);
  assert_mark (lane, "deadline:annual-assessment:2027", "2028-06-30", SB_DEADLINE_STATUS_UPCOMING, 36);
  /* The construction deadlines no longer apply, or were met */
  assert_mark (lane, "window:extension-request", "2027-01-26", SB_DEADLINE_STATUS_LAPSED, 21);
  assert_mark (lane, "deadline:cycle-end", "2027-01-26", SB_DEADLINE_STATUS_MET, 18);
  assert_sorted (lane);
}

static void
test_assessment_rectifying (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  g_autoptr(SbTimelineLane) revoked = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* The 2026 assessment failed on 2027-06-15, rectify by 2027-09-15: on
   * 2027-08-01 that is 31 + 14 = 45 days away, so upcoming. */
  base_a_established (&facts);
  take_year (&facts, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-03-20", 2026);
  request_init (&request, SB_ACTION_FAIL_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-15");
  request.year = 2026;
  date_set (&request.deadline, "2027-09-15");
  take_request (&facts, &request);

  lane = compute (&facts, "2027-08-01");
  g_assert_cmpuint (lane->n_bars, ==, 4);
  g_assert_cmpint (lane->bars[2].phase, ==, SB_TIMELINE_PHASE_ESTABLISHED);
  assert_bar (lane, 3, SB_TIMELINE_PHASE_RECTIFYING, "2027-06-15", "2027-08-01", "2027-09-15");
  assert_mark (lane, "event:assessment-failed", "2027-06-15", SB_DEADLINE_STATUS_MET, 38);
  g_assert_cmpint (assert_mark (lane, "deadline:rectification", "2027-09-15",
                                SB_DEADLINE_STATUS_UPCOMING, 38)->days_left, ==, 45);

  /* Revoked after failing the re-check on 2027-09-20: the phases end there */
  take (&facts, SB_ACTION_FAIL_RECHECK, SB_ROLE_AUTHORITY, "2027-09-20");
  revoked = compute (&facts, "2027-12-01");
  g_assert_cmpuint (revoked->n_bars, ==, 4);
  assert_bar (revoked, 2, SB_TIMELINE_PHASE_ESTABLISHED, "2026-11-30", NULL, "2027-09-20");
  assert_bar (revoked, 3, SB_TIMELINE_PHASE_RECTIFYING, "2027-06-15", NULL, "2027-09-20");
  assert_mark (revoked, "event:revoked", "2027-09-20", SB_DEADLINE_STATUS_MET, 38);
  assert_mark (revoked, "deadline:rectification", "2027-09-15", SB_DEADLINE_STATUS_LAPSED, 38);
}

static void
test_revoked_unfinished (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  SbBaseFacts facts;

  /* Never sent its plan; revoked after the cycle ended (Art. 21): the
   * bar stops on that day. */
  approve_on (&facts, "2024-01-26");
  take (&facts, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-02-01");

  lane = compute (&facts, "2026-11-27");
  g_assert_cmpuint (lane->n_bars, ==, 1);
  assert_bar (lane, 0, SB_TIMELINE_PHASE_PREPARING, "2024-01-26", NULL, "2027-02-01");
  assert_mark (lane, "event:revoked", "2027-02-01", SB_DEADLINE_STATUS_MET, 21);
  assert_mark (lane, "deadline:construction-plan", "2024-03-13", SB_DEADLINE_STATUS_LAPSED, 16);
  g_assert_cmpuint (sb_timeline_lane_count_status (lane, SB_DEADLINE_STATUS_OVERDUE), ==, 0);
}

static void
test_plan_milestone (void)
{
  g_autoptr(SbTimelineLane) lane = NULL;
  const SbTimelineMark *mark;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  SbBaseFacts facts;
  GDate date, today;
  guint n;

  /* The construction plan's own milestones come in as one more kind of
   * mark, in date order, with their own words. */
  base_a_constructing (&facts);
  lane = compute (&facts, "2026-11-27");
  n = sb_timeline_lane_get_n_marks (lane);

  date_set (&date, "2025-01-26");
  date_set (&today, "2026-11-27");
  mark = sb_timeline_lane_add_milestone (lane, &date, 0, 1, "Draft three group standards",
                                         FALSE, &today);
  g_assert_cmpuint (sb_timeline_lane_get_n_marks (lane), ==, n + 1);
  g_assert_cmpint (mark->kind, ==, SB_TIMELINE_MARK_PLAN_MILESTONE);
  g_assert_cmpint (mark->status, ==, SB_DEADLINE_STATUS_OVERDUE);
  g_assert_cmpstr (sb_timeline_mark_get_label (mark), ==, "Draft three group standards");
  id = sb_timeline_mark_dup_id (mark);
  g_assert_cmpstr (id, ==, "milestone:0:1");
  assert_sorted (lane);

  date_set (&date, "2026-12-20");
  mark = sb_timeline_lane_add_milestone (lane, &date, 1, 2, "Train 200 people", FALSE, &today);
  g_assert_cmpint (mark->status, ==, SB_DEADLINE_STATUS_DUE_SOON);
  text = sb_timeline_mark_describe (mark, NULL);
  g_assert_cmpstr (text, ==, "Train 200 people (2)\n2026-12-20\nArt. 16\nDue soon, 23 days left");
  assert_sorted (lane);
}

static void
test_compute_programme (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(SbTimeline) timeline = NULL;
  guint overdue = 0, due_soon = 0, with_bars = 0;
  SbBaseStore *store;
  GDate today;

  date_set (&today, "2026-11-27");
  programme = sb_programme_open (":memory:", SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  store = sb_programme_get_store (programme);
  sb_demo_fill (store, 120, 7, &today, &error);
  g_assert_no_error (error);
  bases = sb_base_store_list (store, NULL, &today, &error);
  g_assert_no_error (error);

  timeline = sb_timeline_compute (store, bases, &today);
  g_assert_cmpuint (timeline->lanes->len, ==, bases->len);
  g_assert_cmpint (timeline->today, ==, day_of ("2026-11-27"));
  g_assert_cmpint (timeline->first_day, >, 0);
  g_assert_cmpint (timeline->first_day, <, timeline->last_day);

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      const SbTimelineLane *lane = sb_timeline_find_lane (timeline, sb_base_get_id (base));
      g_autoptr(GArray) deadlines = sb_base_store_list_deadlines (store, base, &today);
      int count;

      g_assert_nonnull (lane);
      g_assert_cmpint (lane->base_id, ==, sb_base_get_id (base));
      assert_sorted (lane);

      /* The lane has the same overdue deadlines as the base's summary */
      g_assert_true (sb_base_count_deadlines (base, &today, SB_DEADLINE_STATUS_OVERDUE, &count));
      g_assert_cmpuint (sb_timeline_lane_count_status (lane, SB_DEADLINE_STATUS_OVERDUE), ==, count);
      overdue += count;
      due_soon += sb_timeline_lane_count_status (lane, SB_DEADLINE_STATUS_DUE_SOON);
      with_bars += lane->n_bars > 0;

      for (guint j = 0; j < lane->n_bars; j++)
        {
          g_assert_cmpint (lane->bars[j].start, <, lane->bars[j].end);
          g_assert_cmpint (lane->bars[j].start, <=, lane->bars[j].actual_until);
          g_assert_cmpint (lane->bars[j].actual_until, <=, lane->bars[j].end);
        }
    }

  /* The demo has bases in every phase, some late */
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (due_soon, >, 0);
  g_assert_cmpuint (with_bars, >, bases->len / 3);
  g_assert_null (sb_timeline_find_lane (timeline, 999999));
}

/* A submitted plan's yearly milestones join its base's lane, in date order. */
static void
test_plan_milestones_from_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(SbTimeline) timeline = NULL;
  const SbTimelineLane *lane;
  SbDatabase *database;
  SbBaseStore *store;
  guint milestones = 0;
  GDate today;
  gint64 base;

  date_set (&today, "2026-11-27");
  programme = sb_programme_open (":memory:", SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  store = sb_programme_get_store (programme);
  database = sb_programme_get_database (programme);
  sb_demo_fill (store, 30, 7, &today, &error);
  g_assert_no_error (error);

  base = 10;
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO plans (base_id, goals, submitted_date) VALUES (10, '目标', '2026-01-10');"
                                   "INSERT INTO plan_tasks (id, base_id, position, title, owner) VALUES (1, 10, 0, '制定团体标准', '张三');"
                                   "INSERT INTO plan_milestones (task_id, year, date, title) VALUES"
                                   " (1, 1, '2026-12-31', '立项两项'), (1, 2, '2027-12-31', '发布两项');",
                                   &error));
  g_assert_no_error (error);

  bases = sb_base_store_list (store, NULL, &today, &error);
  timeline = sb_timeline_compute (store, bases, &today);
  g_assert_true (sb_timeline_add_plan_milestones (timeline, database, &today, &error));
  g_assert_no_error (error);

  lane = sb_timeline_find_lane (timeline, base);
  g_assert_nonnull (lane);
  assert_sorted (lane);
  for (guint i = 0; i < sb_timeline_lane_get_n_marks (lane); i++)
    {
      const SbTimelineMark *mark = sb_timeline_lane_get_mark (lane, i);

      if (mark->kind != SB_TIMELINE_MARK_PLAN_MILESTONE)
        continue;
      milestones++;
      g_assert_nonnull (strstr (mark->text, "制定团体标准: "));
      g_assert_cmpint (mark->article, ==, 16);
      if (mark->day == day_of ("2026-12-31"))
        g_assert_cmpint (mark->status, ==, SB_DEADLINE_STATUS_UPCOMING);
    }
  g_assert_cmpuint (milestones, ==, 2);
  g_assert_cmpint (timeline->last_day, >=, day_of ("2027-12-31"));
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

  g_test_add_func ("/timeline-marks/applying", test_applying);
  g_test_add_func ("/timeline-marks/rejected", test_rejected);
  g_test_add_func ("/timeline-marks/preparing/due-soon", test_preparing_due_soon);
  g_test_add_func ("/timeline-marks/preparing/overdue", test_preparing_overdue);
  g_test_add_func ("/timeline-marks/constructing", test_constructing);
  g_test_add_func ("/timeline-marks/extended", test_extended);
  g_test_add_func ("/timeline-marks/rectifying", test_rectifying);
  g_test_add_func ("/timeline-marks/established", test_established);
  g_test_add_func ("/timeline-marks/assessment-rectifying", test_assessment_rectifying);
  g_test_add_func ("/timeline-marks/revoked-unfinished", test_revoked_unfinished);
  g_test_add_func ("/timeline-marks/plan-milestone", test_plan_milestone);
  g_test_add_func ("/timeline-marks/compute-programme", test_compute_programme);
  g_test_add_func ("/timeline-marks/plan-milestones-from-database", test_plan_milestones_from_database);

  result = g_test_run ();
  g_clear_object (&calendar);

  return result;
}
