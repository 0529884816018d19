/* test-plan.c: the construction plan: its deadline, checks, submission
 * and the milestones it gives the timeline */

#include "config.h"

#include <locale.h>

#include "sb-application-store.h"
#include "sb-date.h"
#include "sb-plan-form.h"
#include "sb-plan-store.h"
#include "sb-programme.h"
#include "test-application-data.h"

typedef struct
{
  char        *dir;
  SbProgramme *programme;
  SbBaseStore *store;
  gint64       base_id;
} Fixture;

static void
take (Fixture    *fixture,
      SbAction    action,
      SbRole      role,
      const char *date)
{
  g_autoptr(GError) error = NULL;
  SbTransitionRequest request;
  GDate day;

  g_date_clear (&day, 1);
  g_assert_true (sb_date_parse (date, &day, NULL));
  sb_transition_request_init (&request, action, role, &day);
  sb_base_store_perform (fixture->store, fixture->base_id, &request, &day, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = NULL;
  GDate day;

  fixture->dir = g_dir_make_tmp ("test-plan-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = sb_programme_get_store (fixture->programme);

  test_fill_application (values, sb_base_store_find_recommender (fixture->store, "1401", 0), 1);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, 6, 2025);
  fixture->base_id = sb_application_submit (fixture->store, values, 0, NULL, &day, &error);
  g_assert_no_error (error);

  take (fixture, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, "2025-06-20");
  take (fixture, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, "2025-07-10");
  take (fixture, SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_ROLE_EXPERT, "2025-08-20");
  take (fixture, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, "2025-09-15");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
fill_plan (GHashTable *values)
{
  test_set (values, "goals", "三年内主导制定国家标准 3 项。");
  test_set (values, "task.count", "2");
  test_set (values, "task.0.title", "标准研制");
  test_set (values, "task.0.owner", "李明");
  test_set (values, "task.0.out.national", "3");
  test_set (values, "task.0.out.local", "2");
  test_set (values, "task.1.title", "中小企业服务");
  test_set (values, "task.1.owner", "张华");
  test_set (values, "task.1.services", "120");
  test_set (values, "task.1.training", "300");
  for (int t = 0; t < 2; t++)
    for (int y = 1; y <= 3; y++)
      {
        g_autofree char *key = g_strdup_printf ("task.%d.milestone.%d", t, y);
        g_autofree char *text = g_strdup_printf ("任务 %d 第 %d 年目标", t + 1, y);

        test_set (values, key, text);
      }
  test_set (values, "team.count", "1");
  test_set (values, "team.0.name", "李明");
  test_set (values, "team.0.role", "基地主任");
  test_set (values, "cob.count", "1");
  test_set (values, "cob.0.name", "中国标准化研究院");
  {
    g_autofree char *code = test_code ("110000", "40000110");

    test_set (values, "cob.0.code", code);
  }
  test_set (values, "budget.1.own", "200");
  test_set (values, "budget.2.government", "50.5");
}

static void
test_deadline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SbPlanDeadline deadline;
  GDate today;

  /* 30 working days after Monday 15 September 2025, skipping the National
   * Day holiday (1–8 October) and working on Sunday 28 September and
   * Saturday 11 October: Friday 31 October. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, 10, 2025);
  g_assert_true (sb_plan_get_deadline (fixture->store, fixture->base_id, &today, &deadline, &error));
  g_assert_no_error (error);
  g_assert_null (deadline.problem);
  g_assert_cmpint (g_date_get_year (&deadline.due), ==, 2025);
  g_assert_cmpint (g_date_get_month (&deadline.due), ==, 10);
  g_assert_cmpint (g_date_get_day (&deadline.due), ==, 31);
  g_assert_cmpint (deadline.working_days_left, ==, 9);
  g_assert_false (deadline.overdue);
  sb_plan_deadline_clear (&deadline);

  g_date_set_dmy (&today, 3, 11, 2025);
  g_assert_true (sb_plan_get_deadline (fixture->store, fixture->base_id, &today, &deadline, &error));
  g_assert_true (deadline.overdue);
  g_assert_cmpint (deadline.working_days_left, ==, -1);
  sb_plan_deadline_clear (&deadline);
}

static void
test_checks (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) errors = NULL;

  g_assert_cmpint (sb_plan_cycle_years (36), ==, 3);
  g_assert_cmpint (sb_plan_cycle_years (42), ==, 4);
  g_assert_cmpint (sb_plan_form_get_step_state (values, 3, SB_PLAN_STEP_TASKS), ==, SB_STEP_STATE_NOT_STARTED);

  fill_plan (values);
  errors = sb_plan_form_check (values, 3);
  g_assert_cmpuint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_assert_cmpfloat (sb_plan_form_get_total (values, 3), ==, 250.5);

  /* A fourth year needs its milestones. */
  errors = sb_plan_form_check_step (values, 4, SB_PLAN_STEP_TASKS);
  g_assert_nonnull (sb_field_errors_find (errors, "task.0.milestone.4"));
  g_clear_pointer (&errors, g_ptr_array_unref);

  test_set (values, "task.0.out.national", "three");
  g_assert_cmpint (sb_plan_form_get_step_state (values, 3, SB_PLAN_STEP_TASKS), ==, SB_STEP_STATE_ERRORS);
  test_set (values, "budget.1.own", "-5");
  errors = sb_plan_form_check_step (values, 3, SB_PLAN_STEP_BUDGET);
  g_assert_nonnull (sb_field_errors_find (errors, "budget.1.own"));
  g_clear_pointer (&errors, g_ptr_array_unref);
  test_set (values, "cob.0.code", "12100000400001106D");
  test_set (values, "cob.0.code", "911100004000011");
  g_assert_cmpint (sb_plan_form_get_step_state (values, 3, SB_PLAN_STEP_CO_BUILDERS), ==, SB_STEP_STATE_ERRORS);
}

static void
test_submit (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(SbBase) base = NULL;
  SbTransitionRecord *record;
  SbPlanMilestone *milestone;
  char text[SB_DATE_TEXT_SIZE];
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 24, 10, 2025);

  milestones = sb_plan_list_milestones (sb_programme_get_database (fixture->programme), fixture->base_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (milestones->len, ==, 0);
  g_clear_pointer (&milestones, g_ptr_array_unref);

  g_assert_false (sb_plan_submit (fixture->store, fixture->base_id, values, 0, NULL, &today, &error));
  g_assert_error (error, SB_PLAN_ERROR, SB_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  fill_plan (values);
  g_assert_true (sb_plan_submit (fixture->store, fixture->base_id, values, 0, "李明", &today, &error));
  g_assert_no_error (error);

  base = sb_base_store_load (fixture->store, fixture->base_id, &today, &error);
  g_assert_cmpint (sb_base_get_state (base), ==, SB_BASE_STATE_CONSTRUCTING);
  transitions = sb_base_store_list_transitions (fixture->store, fixture->base_id, &error);
  record = g_ptr_array_index (transitions, transitions->len - 1);
  g_assert_cmpstr (record->action, ==, "submit-plan");
  g_assert_cmpstr (record->date, ==, "2025-10-24");
  g_assert_cmpstr (record->role, ==, "applicant");

  milestones = sb_plan_list_milestones (sb_programme_get_database (fixture->programme), fixture->base_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (milestones->len, ==, 6);
  milestone = g_ptr_array_index (milestones, 0);
  sb_date_write (&milestone->date, text);
  g_assert_cmpstr (text, ==, "2026-09-15");
  g_assert_cmpint (milestone->year, ==, 1);
  g_assert_cmpstr (milestone->task, ==, "标准研制");
  g_assert_cmpstr (milestone->title, ==, "任务 1 第 1 年目标");
  milestone = g_ptr_array_index (milestones, 5);
  sb_date_write (&milestone->date, text);
  g_assert_cmpstr (text, ==, "2028-09-15");
  g_assert_cmpstr (milestone->task, ==, "中小企业服务");

  /* Only once. */
  g_assert_false (sb_plan_submit (fixture->store, fixture->base_id, values, 0, NULL, &today, &error));
  g_assert_error (error, SB_PLAN_ERROR, SB_PLAN_ERROR_NOT_PREPARING);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan/deadline", Fixture, NULL, fixture_set_up, test_deadline, fixture_tear_down);
  g_test_add_func ("/plan/checks", test_checks);
  g_test_add ("/plan/submit", Fixture, NULL, fixture_set_up, test_submit, fixture_tear_down);

  return g_test_run ();
}
