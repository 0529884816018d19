/* test-application-form.c: the application's checks, steps and names */

#include "config.h"

#include <locale.h>

#include "sb-application-form.h"
#include "test-application-data.h"

static GHashTable *
new_values (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
assert_error (GHashTable        *values,
              SbApplicationStep  step,
              const char        *key,
              gboolean           missing)
{
  g_autoptr(GPtrArray) errors = sb_application_form_check_step (values, step);
  const SbFieldError *error = sb_field_errors_find (errors, key);

  g_assert_nonnull (error);
  g_assert_cmpint (error->missing, ==, missing);
  g_assert_cmpstr (error->message, !=, "");
}

static void
assert_no_error (GHashTable        *values,
                 SbApplicationStep  step,
                 const char        *key)
{
  g_autoptr(GPtrArray) errors = sb_application_form_check_step (values, step);

  g_assert_null (sb_field_errors_find (errors, key));
}

static void
test_valid (void)
{
  g_autoptr(GHashTable) values = new_values ();
  g_autoptr(GPtrArray) errors = NULL;

  test_fill_application (values, 3, 2);
  errors = sb_application_form_check (values);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s: %s", ((SbFieldError *) g_ptr_array_index (errors, i))->key,
                    ((SbFieldError *) g_ptr_array_index (errors, i))->message);
  g_assert_cmpuint (errors->len, ==, 0);

  for (SbApplicationStep step = 0; step < SB_N_APPLICATION_STEPS; step++)
    g_assert_cmpint (sb_application_form_get_step_state (values, step), ==, SB_STEP_STATE_COMPLETE);
}

static void
test_step_states (void)
{
  g_autoptr(GHashTable) values = new_values ();

  g_assert_cmpint (sb_application_form_get_step_state (values, SB_APPLICATION_STEP_LEAD), ==,
                   SB_STEP_STATE_NOT_STARTED);
  /* Nothing is required of co-applicants or attachments. */
  g_assert_cmpint (sb_application_form_get_step_state (values, SB_APPLICATION_STEP_CO_APPLICANTS), ==,
                   SB_STEP_STATE_COMPLETE);
  g_assert_cmpint (sb_application_form_get_step_state (values, SB_APPLICATION_STEP_SUMMARY), ==,
                   SB_STEP_STATE_INCOMPLETE);

  test_set (values, "lead.name", "某公司");
  g_assert_cmpint (sb_application_form_get_step_state (values, SB_APPLICATION_STEP_LEAD), ==,
                   SB_STEP_STATE_INCOMPLETE);

  test_set (values, "lead.code", "91140100123456788X");
  g_assert_cmpint (sb_application_form_get_step_state (values, SB_APPLICATION_STEP_LEAD), ==,
                   SB_STEP_STATE_ERRORS);
}

static void
test_credit_code (void)
{
  g_autoptr(GHashTable) values = new_values ();
  g_autofree char *beijing = test_code ("110108", "10001043");

  test_fill_application (values, 3, 1);
  assert_no_error (values, SB_APPLICATION_STEP_LEAD, "lead.code");

  /* Mistyped: the check character no longer fits. */
  test_set (values, "lead.code", "911401001234567886");
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.code", FALSE);

  /* Too short while being typed. */
  test_set (values, "lead.code", "9114010012");
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.code", FALSE);

  /* Valid, but registered in Beijing: Art. 11 (1) wants Shanxi. */
  test_set (values, "lead.code", beijing);
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.code", FALSE);

  /* A co-applicant may come from anywhere (Art. 12), but is not the lead. */
  test_set (values, "lead.code", TEST_LEAD_CODE);
  assert_no_error (values, SB_APPLICATION_STEP_CO_APPLICANTS, "co.0.code");
  test_set (values, "co.0.code", TEST_LEAD_CODE);
  assert_error (values, SB_APPLICATION_STEP_CO_APPLICANTS, "co.0.code", FALSE);

  g_hash_table_remove (values, "lead.code");
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.code", TRUE);
}

static void
test_unit_fields (void)
{
  g_autoptr(GHashTable) values = new_values ();

  test_fill_application (values, 3, 1);
  test_set (values, "lead.legal", "0");
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.legal", FALSE);
  test_set (values, "lead.phone", "call me");
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.phone", FALSE);
  test_set (values, "lead.phone", "+86 (351) 636-1234");
  assert_no_error (values, SB_APPLICATION_STEP_LEAD, "lead.phone");
  test_set (values, "lead.email", "liming.example.cn");
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.email", FALSE);
  g_hash_table_remove (values, "lead.email");
  assert_no_error (values, SB_APPLICATION_STEP_LEAD, "lead.email");
  test_set (values, "lead.kind", "");
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.kind", TRUE);
  test_set (values, "lead.address", "   ");
  assert_error (values, SB_APPLICATION_STEP_LEAD, "lead.address", TRUE);
}

static void
test_names (void)
{
  g_autoptr(GHashTable) values = new_values ();
  SbApplicationNames names;

  sb_application_form_get_names (values, &names);
  g_assert_null (names.preparatory_zh);
  g_assert_null (names.established_en);

  test_fill_application (values, 3, 1);
  sb_application_form_get_names (values, &names);
  g_assert_cmpstr (names.preparatory_zh, ==, "山西省技术标准创新基地（智能重型装备）（筹）");
  g_assert_cmpstr (names.established_zh, ==, "山西省技术标准创新基地（智能重型装备）");
  g_assert_cmpstr (names.established_en, ==, "Shanxi Technical Standard Innovation Base of Intelligent Heavy Equipment");
  sb_application_names_clear (&names);

  test_set (values, "short_zh", "山西省技术标准创新基地（智能重型装备）");
  assert_error (values, SB_APPLICATION_STEP_NAMES, "short_zh", FALSE);
  g_hash_table_remove (values, "domain");
  assert_error (values, SB_APPLICATION_STEP_NAMES, "domain", TRUE);

  {
    g_autofree char *title = sb_application_form_dup_title (values);

    g_assert_cmpstr (title, ==, "山西省技术标准创新基地（智能重型装备） — 太原重型机械集团有限公司");
  }
}

static void
test_standards (void)
{
  g_autoptr(GHashTable) values = new_values ();

  test_fill_application (values, 3, 3);
  assert_no_error (values, SB_APPLICATION_STEP_STANDARDS, "std.1.designation");

  test_set (values, "std.1.designation", "Q/TZ 12-2020");   /* enterprise: does not count */
  assert_error (values, SB_APPLICATION_STEP_STANDARDS, "std.1.designation", FALSE);
  test_set (values, "std.1.designation", "XYZ 12-2020");
  assert_error (values, SB_APPLICATION_STEP_STANDARDS, "std.1.designation", FALSE);
  test_set (values, "std.1.designation", "db14/t 2345-2021"); /* the same as std.0 */
  assert_error (values, SB_APPLICATION_STEP_STANDARDS, "std.1.designation", FALSE);
  test_set (values, "std.1.designation", "ISO 9001:2015");
  assert_no_error (values, SB_APPLICATION_STEP_STANDARDS, "std.1.designation");
  test_set (values, "std.2.role", "");
  assert_error (values, SB_APPLICATION_STEP_STANDARDS, "std.2.role", TRUE);

  g_hash_table_remove_all (values);
  assert_error (values, SB_APPLICATION_STEP_STANDARDS, "std.count", TRUE);
}

static void
test_ids (void)
{
  g_autoptr(GHashTable) values = new_values ();
  g_autoptr(GArray) ids = NULL;

  test_set (values, "attachments", "4,,7,4,x,12");
  ids = sb_form_get_ids (values, "attachments");
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 7);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 12);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/application-form/valid", test_valid);
  g_test_add_func ("/application-form/step-states", test_step_states);
  g_test_add_func ("/application-form/credit-code", test_credit_code);
  g_test_add_func ("/application-form/unit-fields", test_unit_fields);
  g_test_add_func ("/application-form/names", test_names);
  g_test_add_func ("/application-form/standards", test_standards);
  g_test_add_func ("/application-form/ids", test_ids);

  return g_test_run ();
}
