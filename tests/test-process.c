/* test-process.c: whole programmes through the core, role by role
 *
 * One base goes from its draft to establishment and annual assessments,
 * another to revocation, each step taken by the role the regulation names
 * and through the same calls the screens make.  On the way every kind of
 * refusal is tried: the wrong role, the wrong state, outside the window
 * the regulation sets, something missing, and a conflicted expert.  At the
 * end the audit log holds every step, by whom, and verifies.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "sb-audit.h"
#include "sb-date.h"
#include "sb-profile.h"
#include "sb-programme.h"
#include "sb-review-panel.h"

typedef struct
{
  SbProgramme *programme;
  SbBaseStore *store;
  SbDatabase  *database;
  gint64       lead;
  gint64       recommender;
} Programme;

/* Takes one step as the person in @role; @expected is -1 for success or
 * the SbLifecycleError the regulation refuses it with. */
static void
step (Programme  *p,
      gint64      base,
      SbAction    action,
      SbRole      role,
      const char *date,
      int         months,
      int         year,
      int         expected)
{
  static const char *people[SB_N_ROLES] = {
    [SB_ROLE_APPLICANT] = "陈刚",
    [SB_ROLE_RECOMMENDER] = "赵芳",
    [SB_ROLE_TECHNICAL_INSTITUTION] = "李静",
    [SB_ROLE_EXPERT] = "王磊",
    [SB_ROLE_AUTHORITY] = "张明",
  };
  g_autoptr(GError) error = NULL;
  SbTransitionRequest request;
  GDate when;
  gboolean ok;

  g_assert_true (sb_date_parse (date, &when, NULL));
  sb_database_set_audit_actor (p->database, people[role], sb_role_to_string (role));
  sb_transition_request_init (&request, action, role, &when);
  request.actor = people[role];
  request.months = months;
  request.year = year;
  if (sb_action_needs_reason (action))
    request.note = "理由";
  if (action == SB_ACTION_FAIL_ASSESSMENT)
    {
      request.deadline = when;
      g_date_add_months (&request.deadline, 6);
    }

  ok = sb_base_store_perform (p->store, base, &request, &when, &error);
  if (expected < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, SB_LIFECYCLE_ERROR, expected);
      /* Every refusal names the article that forbids it. */
      g_assert_nonnull (strstr (error->message, "Art. "));
    }
}

static SbBaseState
state_of (Programme *p,
          gint64     base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBase) loaded = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  loaded = sb_base_store_load (p->store, base, &today, &error);

  g_assert_no_error (error);
  return sb_base_get_state (loaded);
}

static gint64
new_base (Programme  *p,
          const char *name,
          const char *created)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  gint64 base;

  g_assert_true (sb_date_parse (created, &date, NULL));
  base = sb_base_store_create_base (p->store, name, NULL, "semiconductors", p->lead,
                                    p->recommender, "1401", &date, &error);
  g_assert_no_error (error);

  return base;
}

static void
programme_open (Programme *p)
{
  g_autoptr(GError) error = NULL;
  SbOrganisationInput input = {
    .name = "太原示例半导体有限公司",
    .credit_code = "911401001234567887",
    .kind = "enterprise",
    .legal_person = TRUE,
  };

  p->programme = sb_programme_open (":memory:", SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  p->store = sb_programme_get_store (p->programme);
  p->database = sb_programme_get_database (p->programme);
  p->lead = sb_base_store_add_organisation (p->store, &input, &error);
  g_assert_no_error (error);
  p->recommender = sb_base_store_find_recommender (p->store, "1401", 0);
}

/* From the draft to the panel's decision, with the refusals on the way. */
static void
apply_and_approve (Programme *p,
                   gint64     base,
                   const char *approved)
{
  g_autoptr(GError) error = NULL;
  gint64 experts[4];
  gint64 panel;
  GDate date;

  step (p, base, SB_ACTION_SUBMIT, SB_ROLE_RECOMMENDER, "2023-01-10", 0, 0, SB_LIFECYCLE_ERROR_WRONG_ROLE);
  step (p, base, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, "2023-01-10", 0, 0, SB_LIFECYCLE_ERROR_WRONG_STATE);
  step (p, base, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2023-01-10", 0, 0, -1);
  step (p, base, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, "2023-01-12", 0, 0,
        SB_LIFECYCLE_ERROR_WRONG_STATE);
  step (p, base, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, "2023-01-20", 0, 0, -1);
  step (p, base, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_AUTHORITY, "2023-01-30", 0, 0,
        SB_LIFECYCLE_ERROR_WRONG_ROLE);
  step (p, base, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, "2023-01-30", 0, 0, -1);

  /* The panel, formed by the authority: an expert from the lead unit is
   * refused; an expert may not form one. */
  sb_database_set_audit_actor (p->database, "张明", "authority");
  for (guint i = 0; i < G_N_ELEMENTS (experts); i++)
    {
      g_autofree char *name = g_strdup_printf ("专家%u", i);

      experts[i] = sb_expert_add (p->database, name, "研究员", i == 3 ? p->lead : 0, "", &error);
      g_assert_no_error (error);
    }
  g_assert_true (sb_date_parse ("2023-02-01", &date, NULL));
  g_assert_cmpint (sb_panel_form (p->database, base, SB_PANEL_KIND_EXPERT, &date, experts + 1, 3, &error), ==, 0);
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_CONFLICT);
  g_clear_error (&error);
  sb_database_set_audit_actor (p->database, "王磊", "expert");
  g_assert_cmpint (sb_panel_form (p->database, base, SB_PANEL_KIND_EXPERT, &date, experts, 3, &error), ==, 0);
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_WRONG_ROLE);
  g_clear_error (&error);
  sb_database_set_audit_actor (p->database, "张明", "authority");
  panel = sb_panel_form (p->database, base, SB_PANEL_KIND_EXPERT, &date, experts, 3, &error);
  g_assert_no_error (error);
  sb_database_set_audit_actor (p->database, "王磊", "expert");
  for (guint i = 0; i < 3; i++)
    {
      const double scores[] = { 20, 20, 12, 8, 20 };

      g_assert_true (sb_panel_submit_sheet (p->database, panel, experts[i], &date, scores, NULL,
                                            "同意", &error));
      g_assert_no_error (error);
    }

  step (p, base, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, "2023-02-10", 36, 0, SB_LIFECYCLE_ERROR_WRONG_STATE);
  step (p, base, SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_ROLE_EXPERT, "2023-02-10", 0, 0, -1);
  step (p, base, SB_ACTION_APPROVE, SB_ROLE_APPLICANT, approved, 36, 0, SB_LIFECYCLE_ERROR_WRONG_ROLE);
  step (p, base, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, approved, 7, 0, SB_LIFECYCLE_ERROR_INVALID);
  step (p, base, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, approved, 36, 0, -1);
  g_assert_cmpint (state_of (p, base), ==, SB_BASE_STATE_PREPARING);
}

static void
test_to_establishment (void)
{
  g_autoptr(GError) error = NULL;
  Programme p = { 0 };
  SbAuditReport report;
  gint64 base;

  programme_open (&p);
  base = new_base (&p, "碳化硅器件", "2023-01-05");
  apply_and_approve (&p, base, "2023-03-01");

  step (&p, base, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2023-04-03", 0, 0, -1);
  g_assert_cmpint (state_of (&p, base), ==, SB_BASE_STATE_CONSTRUCTING);

  /* Acceptance needs the mid-term evaluation first (Art. 19). */
  step (&p, base, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2025-10-01", 0, 0,
        SB_LIFECYCLE_ERROR_INCOMPLETE);
  step (&p, base, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2024-09-01", 0, 0, -1);
  step (&p, base, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_EXPERT, "2024-10-01", 0, 0, SB_LIFECYCLE_ERROR_WRONG_ROLE);
  step (&p, base, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, "2024-10-01", 0, 0, -1);

  /* Too late: at least 3 months before the cycle ends (Art. 20). */
  step (&p, base, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-01-15", 0, 0,
        SB_LIFECYCLE_ERROR_OUT_OF_TIME);
  step (&p, base, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2025-11-20", 0, 0, -1);
  step (&p, base, SB_ACTION_PASS_ACCEPTANCE, SB_ROLE_AUTHORITY, "2026-01-10", 0, 0, -1);
  g_assert_cmpint (state_of (&p, base), ==, SB_BASE_STATE_ESTABLISHED);

  /* Annual reports and assessments (Art. 35, 36). */
  step (&p, base, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, "2026-04-01", 0, 2026,
        SB_LIFECYCLE_ERROR_INCOMPLETE);
  step (&p, base, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2026-03-01", 0, 2026, -1);
  step (&p, base, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2026-03-02", 0, 2026,
        SB_LIFECYCLE_ERROR_WRONG_STATE);
  step (&p, base, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, "2026-04-01", 0, 2026, -1);
  step (&p, base, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, "2026-04-02", 0, 2026,
        SB_LIFECYCLE_ERROR_WRONG_STATE);
  g_assert_cmpint (state_of (&p, base), ==, SB_BASE_STATE_ESTABLISHED);

  /* Every step is in the audit log, by the person who took it. */
  g_assert_true (sb_audit_verify (p.database, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.verdict, ==, SB_AUDIT_INTACT);
  {
    g_autoptr(GPtrArray) history = sb_base_store_list_transitions (p.store, base, &error);
    const char *expected_actions[] = {
      "submit", "recommend", "pass-formal-review", "complete-expert-review", "approve",
      "submit-plan", "submit-midterm-report", "evaluate-midterm", "apply-for-acceptance",
      "pass-acceptance", "submit-annual-report", "pass-assessment",
    };

    g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (expected_actions));
    for (guint i = 0; i < history->len; i++)
      {
        SbTransitionRecord *record = g_ptr_array_index (history, i);

        g_assert_cmpstr (record->action, ==, expected_actions[i]);
        g_assert_cmpstr (record->actor, !=, "");
      }
  }

  g_clear_object (&p.programme);
}

static void
test_to_revocation (void)
{
  Programme p = { 0 };
  gint64 base;

  programme_open (&p);
  base = new_base (&p, "氮化镓外延", "2023-01-05");
  apply_and_approve (&p, base, "2023-03-01");
  step (&p, base, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2023-04-03", 0, 0, -1);

  /* An extension only in the last 3 months of the cycle, up to 6 months
   * (Art. 21); the cycle ends on 2026-03-01. */
  step (&p, base, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2025-09-01", 6, 0,
        SB_LIFECYCLE_ERROR_OUT_OF_TIME);
  step (&p, base, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-01-05", 9, 0,
        SB_LIFECYCLE_ERROR_INVALID);
  step (&p, base, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-01-05", 6, 0, -1);
  step (&p, base, SB_ACTION_GRANT_EXTENSION, SB_ROLE_APPLICANT, "2026-01-20", 6, 0,
        SB_LIFECYCLE_ERROR_WRONG_ROLE);
  step (&p, base, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, "2026-01-20", 4, 0, -1);
  g_assert_cmpint (state_of (&p, base), ==, SB_BASE_STATE_EXTENDED);

  /* Still not done when the extension ends: revoked. */
  step (&p, base, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2026-07-20", 0, 0, -1);
  g_assert_cmpint (state_of (&p, base), ==, SB_BASE_STATE_REVOKED);
  step (&p, base, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2026-08-01", 0, 2026,
        SB_LIFECYCLE_ERROR_WRONG_STATE);

  g_clear_object (&p.programme);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/process/to-establishment", test_to_establishment);
  g_test_add_func ("/process/to-revocation", test_to_revocation);

  return g_test_run ();
}
