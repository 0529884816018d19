/* test-base-name.c: the names a base carries (Art. 18, 22)
 *
 * Art. 18: while being built, a base works as
 *   山西省技术标准创新基地（×××）（筹）
 * Art. 22: once accepted it is named
 *   山西省技术标准创新基地（×××）
 * and in English "Shanxi Technical Standard Innovation Base of ×××" (the
 * regulation's printed text lost the spaces).  The parentheses are the
 * full-width ones, U+FF08 and U+FF09, as the regulation prints them.
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "sb-base-name.h"
#include "sb-base-state.h"

#define SHORT_ZH "碳化硅功率器件"
#define SHORT_EN "Silicon Carbide Power Devices"

#define PREPARATORY_ZH "山西省技术标准创新基地（碳化硅功率器件）（筹）"
#define ESTABLISHED_ZH "山西省技术标准创新基地（碳化硅功率器件）"
#define ESTABLISHED_EN "Shanxi Technical Standard Innovation Base of Silicon Carbide Power Devices"
#define PREPARATORY_EN ESTABLISHED_EN " (Preparatory)"

static void
assert_full_width (const char *name)
{
  g_assert_true (g_utf8_validate (name, -1, NULL));
  /* no ASCII parenthesis anywhere */
  g_assert_null (strchr (name, '('));
  g_assert_null (strchr (name, ')'));
  g_assert_nonnull (g_utf8_strchr (name, -1, 0xFF08));
  g_assert_nonnull (g_utf8_strchr (name, -1, 0xFF09));
}

static void
test_preparatory_zh (void)
{
  g_autofree char *name = sb_base_name_preparatory_zh (SHORT_ZH);

  g_assert_cmpstr (name, ==, PREPARATORY_ZH);
  assert_full_width (name);
  /* 11 characters of prefix, （, 7, ）, （筹） */
  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 11 + 1 + 7 + 1 + 3);
  g_assert_true (g_str_has_suffix (name, "（筹）"));
}

static void
test_established_zh (void)
{
  g_autofree char *name = sb_base_name_established_zh (SHORT_ZH);

  g_assert_cmpstr (name, ==, ESTABLISHED_ZH);
  assert_full_width (name);
  g_assert_null (strstr (name, "筹"));
}

static void
test_established_en (void)
{
  g_autofree char *name = sb_base_name_established_en (SHORT_EN);
  g_autofree char *other = sb_base_name_established_en ("Coal-measure Gas");

  /* with the spaces the printed regulation lost */
  g_assert_cmpstr (name, ==, ESTABLISHED_EN);
  g_assert_cmpstr (other, ==, "Shanxi Technical Standard Innovation Base of Coal-measure Gas");
  g_assert_null (strstr (name, "ShanxiTechnical"));
}

static void
test_preparatory_en (void)
{
  g_autofree char *name = sb_base_name_preparatory_en (SHORT_EN);

  g_assert_cmpstr (name, ==, PREPARATORY_EN);
}

static void
test_for_state (void)
{
  /* TRUE: the state carries the final name of Art. 22. */
  const gboolean final[SB_N_BASE_STATES] = {
    /* an application is shown under the name it applies for, with （筹）:
     * the final name belongs only to an accepted base */
    [SB_BASE_STATE_DRAFT] = FALSE,
    [SB_BASE_STATE_SUBMITTED] = FALSE,
    [SB_BASE_STATE_RETURNED] = FALSE,
    [SB_BASE_STATE_RECOMMENDED] = FALSE,
    [SB_BASE_STATE_FORMALLY_REVIEWED] = FALSE,
    [SB_BASE_STATE_EXPERT_REVIEWED] = FALSE,
    [SB_BASE_STATE_REJECTED] = FALSE,
    /* Art. 18: from approval until acceptance */
    [SB_BASE_STATE_PREPARING] = FALSE,
    [SB_BASE_STATE_CONSTRUCTING] = FALSE,
    [SB_BASE_STATE_EXTENSION_REQUESTED] = FALSE,
    [SB_BASE_STATE_EXTENDED] = FALSE,
    [SB_BASE_STATE_ACCEPTANCE_REQUESTED] = FALSE,
    [SB_BASE_STATE_RECTIFYING] = FALSE,   /* failed acceptance: not yet accepted */
    /* Art. 22 */
    [SB_BASE_STATE_ESTABLISHED] = TRUE,
    [SB_BASE_STATE_ASSESSMENT_RECTIFYING] = TRUE, /* still an established base */
    [SB_BASE_STATE_REVOKED] = TRUE,
  };

  for (SbBaseState state = 0; state < SB_N_BASE_STATES; state++)
    {
      g_autofree char *zh = sb_base_name_for_state_zh (state, SHORT_ZH);
      g_autofree char *en = sb_base_name_for_state_en (state, SHORT_EN);

      g_test_message ("%s: %s / %s", sb_base_state_to_string (state), zh, en);
      g_assert_cmpstr (zh, ==, final[state] ? ESTABLISHED_ZH : PREPARATORY_ZH);
      g_assert_cmpstr (en, ==, final[state] ? ESTABLISHED_EN : PREPARATORY_EN);
    }
}

static void
test_preparatory_states (void)
{
  /* Art. 18: the preparatory period runs from approval to acceptance. */
  for (SbBaseState state = 0; state < SB_N_BASE_STATES; state++)
    {
      gboolean expected = state == SB_BASE_STATE_PREPARING
                          || state == SB_BASE_STATE_CONSTRUCTING
                          || state == SB_BASE_STATE_EXTENSION_REQUESTED
                          || state == SB_BASE_STATE_EXTENDED
                          || state == SB_BASE_STATE_ACCEPTANCE_REQUESTED
                          || state == SB_BASE_STATE_RECTIFYING;

      g_assert_cmpint (sb_base_state_is_preparatory (state), ==, expected);
    }
}

static void
test_other_short_names (void)
{
  g_autofree char *latin = sb_base_name_preparatory_zh ("SiC");
  g_autofree char *empty = sb_base_name_established_zh ("");

  /* the short name is taken as it is */
  g_assert_cmpstr (latin, ==, "山西省技术标准创新基地（SiC）（筹）");
  g_assert_cmpstr (empty, ==, "山西省技术标准创新基地（）");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/base-name/preparatory-zh", test_preparatory_zh);
  g_test_add_func ("/base-name/established-zh", test_established_zh);
  g_test_add_func ("/base-name/established-en", test_established_en);
  g_test_add_func ("/base-name/preparatory-en", test_preparatory_en);
  g_test_add_func ("/base-name/for-state", test_for_state);
  g_test_add_func ("/base-name/preparatory-states", test_preparatory_states);
  g_test_add_func ("/base-name/other-short-names", test_other_short_names);

  return g_test_run ();
}
