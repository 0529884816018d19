/* test-lifecycle.c: the life-cycle rules of the regulation
 *
 * Every expectation below is taken from the regulation (晋政办发〔2021〕74号)
 * and the design brief, not from the rule table in sb-lifecycle.c: the
 * table of transitions here is written out by hand, and each base is driven
 * to its state by recording real, dated steps, as the store does.
 *
 * The timeline most tests share (dates worked out by hand):
 *
 *   2023-10-09  submitted            2024-01-26  approved, 36 months
 *   2023-10-12  returned (alt.)      2024-03-01  construction plan
 *   2023-10-16  recommended          2025-07-20  mid-term report
 *   2023-11-01  formal review        2025-09-10  mid-term evaluation
 *   2023-12-15  expert review        2026-09-01  acceptance applied for
 *
 *   cycle end             2024-01-26 + 36 months = 2027-01-26   (Art. 18)
 *   last acceptance date  2027-01-26 −  3 months = 2026-10-26   (Art. 20)
 *   extension window      2026-10-26 … 2027-01-26               (Art. 21)
 *   extended end          2027-01-26 +  6 months = 2027-07-26   (Art. 21)
 *   failed acceptance     2026-11-30, re-apply by 2027-05-30    (Art. 20)
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "sb-base-state.h"
#include "sb-date.h"
#include "sb-lifecycle.h"
#include "sb-test-facts.h"

/* Helpers: see sb-test-facts.h */

/* Checks that @request, asked on @today (its own date if NULL), is refused
 * with @code, and that the message ends by naming @article.  Returns the
 * message for further checks.
 */
static char *
refused_on (const SbBaseFacts         *facts,
            const SbTransitionRequest *request,
            const char                *today,
            SbLifecycleError           code,
            int                        article)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *suffix = g_strdup_printf ("(Art. %d)", article);
  GDate today_date;
  gboolean ok;

  if (today != NULL)
    date_set (&today_date, today);
  else
    today_date = request->date;

  ok = sb_lifecycle_check (facts, request, &today_date, &error);
  g_assert_false (ok);
  g_assert_error (error, SB_LIFECYCLE_ERROR, (int) code);
  if (!g_str_has_suffix (error->message, suffix))
    g_error ("“%s” does not end with “%s”", error->message, suffix);

  return g_strdup (error->message);
}

/* Like refused(), whatever the article. */
static char *
refused_any (const SbBaseFacts         *facts,
             const SbTransitionRequest *request,
             SbLifecycleError           code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_lifecycle_check (facts, request, &request->date, &error));
  g_assert_error (error, SB_LIFECYCLE_ERROR, (int) code);

  return g_strdup (error->message);
}

static char *
refused (const SbBaseFacts         *facts,
         const SbTransitionRequest *request,
         SbLifecycleError           code,
         int                        article)
{
  return refused_on (facts, request, NULL, code, article);
}

static void
assert_allowed (const SbBaseFacts         *facts,
                const SbTransitionRequest *request)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_lifecycle_check (facts, request, &request->date, &error));
  g_assert_no_error (error);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* The states a test can start from, each reached by real steps. */
typedef enum
{
  PATH_DRAFT,
  PATH_SUBMITTED,
  PATH_RETURNED,
  PATH_RECOMMENDED,
  PATH_FORMALLY_REVIEWED,
  PATH_EXPERT_REVIEWED,
  PATH_REJECTED,
  PATH_PREPARING,
  PATH_CONSTRUCTING,         /* plan submitted, nothing else */
  PATH_REPORTED,             /* + mid-term report */
  PATH_EVALUATED,            /* + mid-term evaluation */
  PATH_ACCEPTANCE_REQUESTED,
  PATH_RECTIFYING,           /* acceptance failed 2026-11-30 */
  PATH_ESTABLISHED,          /* acceptance passed 2026-11-30 */
  PATH_ESTABLISHED_REPORTED, /* + report for 2026, on 2027-03-01 */
  PATH_ASSESSMENT_RECTIFYING, /* + 2026 assessment failed 2027-06-01, rectify by 2027-12-31 */
  PATH_EXTENSION_REQUESTED,  /* 6 months asked for on 2026-11-15 */
  PATH_EXTENDED,             /* granted on 2026-11-20 */
  PATH_REVOKED,              /* revoked after the cycle, 2027-01-27 */
} Path;

static void
reach (SbBaseFacts *facts,
       Path         path)
{
  SbTransitionRequest request;

  switch (path)
    {
    case PATH_DRAFT:
      sb_base_facts_init (facts);
      facts->has_short_name = TRUE;
      facts->has_domain = TRUE;
      facts->has_recommender = TRUE;
      facts->lead_unit_eligible = TRUE;
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_DRAFT);
      return;

    case PATH_SUBMITTED:
      reach (facts, PATH_DRAFT);
      take (facts, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2023-10-09");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_SUBMITTED);
      return;

    case PATH_RETURNED:
      reach (facts, PATH_SUBMITTED);
      take (facts, SB_ACTION_RETURN, SB_ROLE_RECOMMENDER, "2023-10-12");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_RETURNED);
      return;

    case PATH_RECOMMENDED:
      reach (facts, PATH_SUBMITTED);
      take (facts, SB_ACTION_RECOMMEND, SB_ROLE_RECOMMENDER, "2023-10-16");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_RECOMMENDED);
      return;

    case PATH_FORMALLY_REVIEWED:
      reach (facts, PATH_RECOMMENDED);
      take (facts, SB_ACTION_PASS_FORMAL_REVIEW, SB_ROLE_TECHNICAL_INSTITUTION, "2023-11-01");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_FORMALLY_REVIEWED);
      return;

    case PATH_EXPERT_REVIEWED:
      reach (facts, PATH_FORMALLY_REVIEWED);
      take (facts, SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_ROLE_EXPERT, "2023-12-15");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_EXPERT_REVIEWED);
      return;

    case PATH_REJECTED:
      reach (facts, PATH_EXPERT_REVIEWED);
      take (facts, SB_ACTION_REJECT, SB_ROLE_AUTHORITY, "2024-01-26");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_REJECTED);
      return;

    case PATH_PREPARING:
      reach (facts, PATH_EXPERT_REVIEWED);
      take (facts, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, "2024-01-26");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_PREPARING);
      return;

    case PATH_CONSTRUCTING:
      reach (facts, PATH_PREPARING);
      take (facts, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2024-03-01");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_CONSTRUCTING);
      return;

    case PATH_REPORTED:
      reach (facts, PATH_CONSTRUCTING);
      take (facts, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2025-07-20");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_CONSTRUCTING);
      return;

    case PATH_EVALUATED:
      reach (facts, PATH_REPORTED);
      take (facts, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, "2025-09-10");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_CONSTRUCTING);
      return;

    case PATH_ACCEPTANCE_REQUESTED:
      reach (facts, PATH_EVALUATED);
      take (facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-09-01");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_ACCEPTANCE_REQUESTED);
      return;

    case PATH_RECTIFYING:
      reach (facts, PATH_ACCEPTANCE_REQUESTED);
      take (facts, SB_ACTION_FAIL_ACCEPTANCE, SB_ROLE_AUTHORITY, "2026-11-30");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_RECTIFYING);
      return;

    case PATH_ESTABLISHED:
      reach (facts, PATH_ACCEPTANCE_REQUESTED);
      take (facts, SB_ACTION_PASS_ACCEPTANCE, SB_ROLE_AUTHORITY, "2026-11-30");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_ESTABLISHED);
      return;

    case PATH_ESTABLISHED_REPORTED:
      reach (facts, PATH_ESTABLISHED);
      take_year (facts, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-03-01", 2026);
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_ESTABLISHED);
      return;

    case PATH_ASSESSMENT_RECTIFYING:
      reach (facts, PATH_ESTABLISHED_REPORTED);
      request_init (&request, SB_ACTION_FAIL_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-01");
      request.year = 2026;
      date_set (&request.deadline, "2027-12-31");
      take_request (facts, &request);
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_ASSESSMENT_RECTIFYING);
      return;

    case PATH_EXTENSION_REQUESTED:
      reach (facts, PATH_EVALUATED);
      take_months (facts, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-11-15", 6);
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_EXTENSION_REQUESTED);
      return;

    case PATH_EXTENDED:
      reach (facts, PATH_EXTENSION_REQUESTED);
      take (facts, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, "2026-11-20");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_EXTENDED);
      return;

    case PATH_REVOKED:
      reach (facts, PATH_CONSTRUCTING);
      take (facts, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-27");
      g_assert_cmpint (facts->state, ==, SB_BASE_STATE_REVOKED);
      return;

    default:
      g_assert_not_reached ();
    }
}

/* The documented life cycle (DESIGN.md, Art. 13–38), one row per allowed
 * step, with a base to take it from and a request that satisfies every
 * condition of the step.
 */
typedef struct
{
  SbAction     action;
  SbBaseState  from;
  SbBaseState  to;
  SbRole       role;
  int          article;
  Path         path;
  const char  *date;
  int          months;
  int          year;
  const char  *deadline;
} Transition;

static const Transition transitions[] = {
  /* Art. 13: the applicant submits through a recommender, who may return it. */
  { SB_ACTION_SUBMIT, SB_BASE_STATE_DRAFT, SB_BASE_STATE_SUBMITTED,
    SB_ROLE_APPLICANT, 13, PATH_DRAFT, "2023-10-09" },
  { SB_ACTION_SUBMIT, SB_BASE_STATE_RETURNED, SB_BASE_STATE_SUBMITTED,
    SB_ROLE_APPLICANT, 13, PATH_RETURNED, "2023-10-20" },
  { SB_ACTION_RECOMMEND, SB_BASE_STATE_SUBMITTED, SB_BASE_STATE_RECOMMENDED,
    SB_ROLE_RECOMMENDER, 13, PATH_SUBMITTED, "2023-10-16" },
  { SB_ACTION_RETURN, SB_BASE_STATE_SUBMITTED, SB_BASE_STATE_RETURNED,
    SB_ROLE_RECOMMENDER, 13, PATH_SUBMITTED, "2023-10-12" },
  /* Art. 14: formal review by the technical institution. */
  { SB_ACTION_PASS_FORMAL_REVIEW, SB_BASE_STATE_RECOMMENDED, SB_BASE_STATE_FORMALLY_REVIEWED,
    SB_ROLE_TECHNICAL_INSTITUTION, 14, PATH_RECOMMENDED, "2023-11-01" },
  { SB_ACTION_RETURN, SB_BASE_STATE_RECOMMENDED, SB_BASE_STATE_RETURNED,
    SB_ROLE_TECHNICAL_INSTITUTION, 14, PATH_RECOMMENDED, "2023-11-01" },
  /* Art. 15: the experts review, the authority decides. */
  { SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_BASE_STATE_FORMALLY_REVIEWED, SB_BASE_STATE_EXPERT_REVIEWED,
    SB_ROLE_EXPERT, 15, PATH_FORMALLY_REVIEWED, "2023-12-15" },
  { SB_ACTION_APPROVE, SB_BASE_STATE_EXPERT_REVIEWED, SB_BASE_STATE_PREPARING,
    SB_ROLE_AUTHORITY, 15, PATH_EXPERT_REVIEWED, "2024-01-26" },
  { SB_ACTION_REJECT, SB_BASE_STATE_EXPERT_REVIEWED, SB_BASE_STATE_REJECTED,
    SB_ROLE_AUTHORITY, 15, PATH_EXPERT_REVIEWED, "2024-01-26" },
  /* Art. 16: the construction plan. */
  { SB_ACTION_SUBMIT_PLAN, SB_BASE_STATE_PREPARING, SB_BASE_STATE_CONSTRUCTING,
    SB_ROLE_APPLICANT, 16, PATH_PREPARING, "2024-03-01" },
  /* Art. 19: the mid-term report and its evaluation. */
  { SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_CONSTRUCTING,
    SB_ROLE_APPLICANT, 19, PATH_CONSTRUCTING, "2025-07-20" },
  { SB_ACTION_EVALUATE_MIDTERM, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_CONSTRUCTING,
    SB_ROLE_AUTHORITY, 19, PATH_REPORTED, "2025-09-10" },
  /* Art. 20, 21: acceptance, from the cycle, the extension or rectification. */
  { SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_ACCEPTANCE_REQUESTED,
    SB_ROLE_APPLICANT, 20, PATH_EVALUATED, "2026-10-26" },
  { SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_BASE_STATE_EXTENDED, SB_BASE_STATE_ACCEPTANCE_REQUESTED,
    SB_ROLE_APPLICANT, 21, PATH_EXTENDED, "2027-05-01" },
  { SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_BASE_STATE_RECTIFYING, SB_BASE_STATE_ACCEPTANCE_REQUESTED,
    SB_ROLE_APPLICANT, 20, PATH_RECTIFYING, "2027-03-01" },
  { SB_ACTION_PASS_ACCEPTANCE, SB_BASE_STATE_ACCEPTANCE_REQUESTED, SB_BASE_STATE_ESTABLISHED,
    SB_ROLE_AUTHORITY, 20, PATH_ACCEPTANCE_REQUESTED, "2026-11-30" },
  { SB_ACTION_FAIL_ACCEPTANCE, SB_BASE_STATE_ACCEPTANCE_REQUESTED, SB_BASE_STATE_RECTIFYING,
    SB_ROLE_AUTHORITY, 20, PATH_ACCEPTANCE_REQUESTED, "2026-11-30" },
  /* Art. 21: extension. */
  { SB_ACTION_REQUEST_EXTENSION, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_EXTENSION_REQUESTED,
    SB_ROLE_APPLICANT, 21, PATH_EVALUATED, "2026-11-15", 6 },
  { SB_ACTION_GRANT_EXTENSION, SB_BASE_STATE_EXTENSION_REQUESTED, SB_BASE_STATE_EXTENDED,
    SB_ROLE_AUTHORITY, 21, PATH_EXTENSION_REQUESTED, "2026-11-20" },
  { SB_ACTION_REFUSE_EXTENSION, SB_BASE_STATE_EXTENSION_REQUESTED, SB_BASE_STATE_CONSTRUCTING,
    SB_ROLE_AUTHORITY, 21, PATH_EXTENSION_REQUESTED, "2026-11-20" },
  /* Art. 20, 21: revocation once the time allowed has run out. */
  { SB_ACTION_REVOKE, SB_BASE_STATE_PREPARING, SB_BASE_STATE_REVOKED,
    SB_ROLE_AUTHORITY, 21, PATH_PREPARING, "2027-01-27" },
  { SB_ACTION_REVOKE, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_REVOKED,
    SB_ROLE_AUTHORITY, 21, PATH_CONSTRUCTING, "2027-01-27" },
  { SB_ACTION_REVOKE, SB_BASE_STATE_EXTENDED, SB_BASE_STATE_REVOKED,
    SB_ROLE_AUTHORITY, 21, PATH_EXTENDED, "2027-07-27" },
  { SB_ACTION_REVOKE, SB_BASE_STATE_RECTIFYING, SB_BASE_STATE_REVOKED,
    SB_ROLE_AUTHORITY, 20, PATH_RECTIFYING, "2027-05-31" },
  /* Art. 24, 35, 36, 38: the yearly cycle of an established base. */
  { SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_BASE_STATE_ESTABLISHED, SB_BASE_STATE_ESTABLISHED,
    SB_ROLE_APPLICANT, 35, PATH_ESTABLISHED, "2027-03-01", 0, 2026 },
  { SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_BASE_STATE_ASSESSMENT_RECTIFYING,
    SB_BASE_STATE_ASSESSMENT_RECTIFYING,
    SB_ROLE_APPLICANT, 35, PATH_ASSESSMENT_RECTIFYING, "2028-01-15", 0, 2027 },
  { SB_ACTION_PASS_ASSESSMENT, SB_BASE_STATE_ESTABLISHED, SB_BASE_STATE_ESTABLISHED,
    SB_ROLE_AUTHORITY, 36, PATH_ESTABLISHED_REPORTED, "2027-06-01", 0, 2026 },
  { SB_ACTION_FAIL_ASSESSMENT, SB_BASE_STATE_ESTABLISHED, SB_BASE_STATE_ASSESSMENT_RECTIFYING,
    SB_ROLE_AUTHORITY, 38, PATH_ESTABLISHED_REPORTED, "2027-06-01", 0, 2026, "2027-12-31" },
  { SB_ACTION_PASS_RECHECK, SB_BASE_STATE_ASSESSMENT_RECTIFYING, SB_BASE_STATE_ESTABLISHED,
    SB_ROLE_AUTHORITY, 38, PATH_ASSESSMENT_RECTIFYING, "2027-10-01" },
  { SB_ACTION_FAIL_RECHECK, SB_BASE_STATE_ASSESSMENT_RECTIFYING, SB_BASE_STATE_REVOKED,
    SB_ROLE_AUTHORITY, 38, PATH_ASSESSMENT_RECTIFYING, "2027-12-31" },
};

/* A base in each state, for the refusals. */
static const Path state_paths[SB_N_BASE_STATES] = {
  [SB_BASE_STATE_DRAFT] = PATH_DRAFT,
  [SB_BASE_STATE_SUBMITTED] = PATH_SUBMITTED,
  [SB_BASE_STATE_RETURNED] = PATH_RETURNED,
  [SB_BASE_STATE_RECOMMENDED] = PATH_RECOMMENDED,
  [SB_BASE_STATE_FORMALLY_REVIEWED] = PATH_FORMALLY_REVIEWED,
  [SB_BASE_STATE_EXPERT_REVIEWED] = PATH_EXPERT_REVIEWED,
  [SB_BASE_STATE_REJECTED] = PATH_REJECTED,
  [SB_BASE_STATE_PREPARING] = PATH_PREPARING,
  [SB_BASE_STATE_CONSTRUCTING] = PATH_CONSTRUCTING,
  [SB_BASE_STATE_EXTENSION_REQUESTED] = PATH_EXTENSION_REQUESTED,
  [SB_BASE_STATE_EXTENDED] = PATH_EXTENDED,
  [SB_BASE_STATE_ACCEPTANCE_REQUESTED] = PATH_ACCEPTANCE_REQUESTED,
  [SB_BASE_STATE_RECTIFYING] = PATH_RECTIFYING,
  [SB_BASE_STATE_ESTABLISHED] = PATH_ESTABLISHED,
  [SB_BASE_STATE_ASSESSMENT_RECTIFYING] = PATH_ASSESSMENT_RECTIFYING,
  [SB_BASE_STATE_REVOKED] = PATH_REVOKED,
};

static const Transition *
find_transition (SbAction    action,
                 SbBaseState from)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (transitions[i].action == action && transitions[i].from == from)
        return &transitions[i];
    }

  return NULL;
}

/* Who takes @action somewhere in the life cycle. */
static SbRole
first_role (SbAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (transitions[i].action == action)
        return transitions[i].role;
    }

  g_assert_not_reached ();
  return SB_ROLE_AUTHORITY;
}

/* Whether @message ends by naming one of the articles that allow @action. */
static gboolean
message_names_article_of (const char *message,
                          SbAction    action)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      g_autofree char *suffix = g_strdup_printf ("(Art. %d)", transitions[i].article);

      if (transitions[i].action == action && g_str_has_suffix (message, suffix))
        return TRUE;
    }

  return FALSE;
}

static gboolean
array_has_action (GArray   *array,
                  SbAction  action)
{
  for (guint i = 0; i < array->len; i++)
    {
      if (g_array_index (array, SbAction, i) == action)
        return TRUE;
    }

  return FALSE;
}

/* Rules */

static void
test_rules_every_transition (void)
{
  guint n_listed = 0;

  for (SbBaseState state = 0; state < SB_N_BASE_STATES; state++)
    {
      g_autoptr(GArray) actions = sb_lifecycle_list_actions (state);

      for (guint i = 0; i < actions->len; i++)
        {
          SbAction action = g_array_index (actions, SbAction, i);
          const Transition *t = find_transition (action, state);
          SbTransitionRequest request;
          SbBaseFacts facts;
          SbBaseState to;
          SbRole role;
          int article;

          if (t == NULL)
            g_error ("“%s” from “%s” is allowed but not documented",
                     sb_action_to_string (action), sb_base_state_to_string (state));

          g_test_message ("%s: %s → %s", sb_action_to_string (action),
                          sb_base_state_to_string (t->from),
                          sb_base_state_to_string (t->to));

          g_assert_true (sb_lifecycle_find_rule (action, state, &to, &role, &article));
          g_assert_cmpint (to, ==, t->to);
          g_assert_cmpint (role, ==, t->role);
          g_assert_cmpint (article, ==, t->article);
          /* NULL out-parameters are allowed */
          g_assert_true (sb_lifecycle_find_rule (action, state, NULL, NULL, NULL));

          /* Now take the step for real, from a base in that state. */
          reach (&facts, t->path);
          g_assert_cmpint (facts.state, ==, state);
          request_init (&request, action, t->role, t->date);
          request.months = t->months;
          request.year = t->year;
          if (t->deadline != NULL)
            date_set (&request.deadline, t->deadline);
          take_request (&facts, &request);
          g_assert_cmpint (facts.state, ==, t->to);
          assert_date (&facts.last_transition, t->date);

          n_listed++;
        }
    }

  /* and every documented step is listed */
  g_assert_cmpuint (n_listed, ==, G_N_ELEMENTS (transitions));
}

static void
test_rules_unlisted_refused (void)
{
  for (SbBaseState state = 0; state < SB_N_BASE_STATES; state++)
    {
      g_autoptr(GArray) actions = sb_lifecycle_list_actions (state);
      SbBaseFacts facts;

      reach (&facts, state_paths[state]);
      g_assert_cmpint (facts.state, ==, state);

      for (SbAction action = 0; action < SB_N_ACTIONS; action++)
        {
          g_autofree char *message = NULL;
          SbTransitionRequest request;

          if (array_has_action (actions, action))
            continue;

          g_assert_null (find_transition (action, state));
          g_assert_false (sb_lifecycle_find_rule (action, state, NULL, NULL, NULL));

          /* Whoever asks, and however good the date, it is the wrong state;
           * the message names the article of the step asked for. */
          request_init (&request, action, first_role (action), "2029-01-01");
          request.months = 6;
          request.year = 2028;
          date_set (&request.deadline, "2029-06-30");
          message = refused_any (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_STATE);
          if (!message_names_article_of (message, action))
            g_error ("“%s” names none of the articles of “%s”",
                     message, sb_action_to_string (action));
          assert_contains (message, sb_action_get_label (action));
          assert_contains (message, sb_base_state_get_label (state));
        }
    }
}

static void
test_rules_terminal_states (void)
{
  /* Rejected and revoked are final: nothing can be done with them. */
  g_autoptr(GArray) rejected = sb_lifecycle_list_actions (SB_BASE_STATE_REJECTED);
  g_autoptr(GArray) revoked = sb_lifecycle_list_actions (SB_BASE_STATE_REVOKED);

  g_assert_cmpuint (rejected->len, ==, 0);
  g_assert_cmpuint (revoked->len, ==, 0);
}

/* Refusals that apply to every step */

static void
test_refuse_wrong_state (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;

  /* Approving a draft: approval follows the expert review (Art. 15). */
  reach (&facts, PATH_DRAFT);
  request_init (&request, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, "2024-01-26");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_STATE, 15);
  assert_contains (message, "Approve preparation");
  assert_contains (message, "Draft");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_DRAFT);

  /* Passing acceptance of a base that has not applied (Art. 20). */
  reach (&facts, PATH_EVALUATED);
  request_init (&request, SB_ACTION_PASS_ACCEPTANCE, SB_ROLE_AUTHORITY, "2026-01-05");
  message2 = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_STATE, 20);
  assert_contains (message2, "Under construction");
}

static void
test_refuse_wrong_role (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  g_autofree char *message3 = NULL;

  /* An applicant approving its own application. */
  reach (&facts, PATH_EXPERT_REVIEWED);
  request_init (&request, SB_ACTION_APPROVE, SB_ROLE_APPLICANT, "2024-01-26");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_ROLE, 15);
  assert_contains (message, "Provincial standardisation authority");
  assert_contains (message, "Applicant unit");

  /* The experts do not recommend (Art. 13), the authority does not submit
   * the plan (Art. 16). */
  reach (&facts, PATH_SUBMITTED);
  request_init (&request, SB_ACTION_RECOMMEND, SB_ROLE_EXPERT, "2023-10-16");
  message2 = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_ROLE, 13);
  reach (&facts, PATH_PREPARING);
  request_init (&request, SB_ACTION_SUBMIT_PLAN, SB_ROLE_AUTHORITY, "2024-03-01");
  message3 = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_ROLE, 16);

  /* and the right role is then accepted */
  request.role = SB_ROLE_APPLICANT;
  assert_allowed (&facts, &request);
}

static void
test_refuse_future_date (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;
  g_autofree char *message = NULL;

  reach (&facts, PATH_DRAFT);
  request_init (&request, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2023-10-10");
  message = refused_on (&facts, &request, "2023-10-09", SB_LIFECYCLE_ERROR_INVALID, 13);
  assert_contains (message, "2023-10-10");

  /* The same step dated today is fine; so is any date without a today. */
  {
    g_autoptr(GError) error = NULL;
    GDate today;

    date_set (&today, "2023-10-10");
    g_assert_true (sb_lifecycle_check (&facts, &request, &today, &error));
    g_assert_no_error (error);
    g_assert_true (sb_lifecycle_check (&facts, &request, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_refuse_before_last_step (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;
  g_autofree char *message = NULL;

  /* The plan cannot predate the approval of 2024-01-26. */
  reach (&facts, PATH_PREPARING);
  request_init (&request, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2024-01-25");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INVALID, 16);
  assert_contains (message, "2024-01-25");
  assert_contains (message, "2024-01-26");

  /* The same day as the last step is fine. */
  request_init (&request, SB_ACTION_SUBMIT_PLAN, SB_ROLE_APPLICANT, "2024-01-26");
  assert_allowed (&facts, &request);
}

static void
test_refuse_invalid_date (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;
  g_autofree char *message = NULL;

  reach (&facts, PATH_DRAFT);
  request_init (&request, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2023-10-09");
  g_date_clear (&request.date, 1);
  message = refused_on (&facts, &request, "2023-10-09", SB_LIFECYCLE_ERROR_INVALID, 13);
}

static void
assert_reason_needed (Path         path,
                      SbAction     action,
                      SbRole       role,
                      const char  *date,
                      int          article)
{
  const char *blanks[] = { NULL, "", "   ", "\t\n", "　" /* U+3000 */ };
  SbTransitionRequest request;
  SbBaseFacts facts;

  reach (&facts, path);
  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autofree char *message = NULL;

      request_init (&request, action, role, date);
      request.months = 6;
      request.note = blanks[i];
      message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, article);
      assert_contains (message, "reason");
    }

  request.note = "不符合要求";
  assert_allowed (&facts, &request);
}

static void
test_refuse_missing_reason (void)
{
  assert_reason_needed (PATH_SUBMITTED, SB_ACTION_RETURN, SB_ROLE_RECOMMENDER, "2023-10-12", 13);
  assert_reason_needed (PATH_RECOMMENDED, SB_ACTION_RETURN, SB_ROLE_TECHNICAL_INSTITUTION,
                        "2023-11-01", 14);
  assert_reason_needed (PATH_EXPERT_REVIEWED, SB_ACTION_REJECT, SB_ROLE_AUTHORITY,
                        "2024-01-26", 15);
  assert_reason_needed (PATH_ACCEPTANCE_REQUESTED, SB_ACTION_FAIL_ACCEPTANCE, SB_ROLE_AUTHORITY,
                        "2026-11-30", 20);
  assert_reason_needed (PATH_EVALUATED, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT,
                        "2026-11-15", 21);
  assert_reason_needed (PATH_EXTENSION_REQUESTED, SB_ACTION_REFUSE_EXTENSION, SB_ROLE_AUTHORITY,
                        "2026-11-20", 21);
  assert_reason_needed (PATH_CONSTRUCTING, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-27", 21);
  assert_reason_needed (PATH_ASSESSMENT_RECTIFYING, SB_ACTION_FAIL_RECHECK, SB_ROLE_AUTHORITY,
                        "2027-12-31", 38);

  /* A failed assessment, with its deadline, still needs a reason. */
  {
    g_autofree char *message = NULL;
    SbTransitionRequest request;
    SbBaseFacts facts;

    reach (&facts, PATH_ESTABLISHED_REPORTED);
    request_init (&request, SB_ACTION_FAIL_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-01");
    request.year = 2026;
    date_set (&request.deadline, "2027-12-31");
    request.note = " ";
    message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 38);
  }

  /* Steps that are not refusals need no reason. */
  {
    SbTransitionRequest request;
    SbBaseFacts facts;

    reach (&facts, PATH_EXPERT_REVIEWED);
    request_init (&request, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, "2024-01-26");
    request.note = NULL;
    assert_allowed (&facts, &request);
  }
}

/* Application (Art. 11–13) */

static void
test_submit_incomplete (void)
{
  struct
  {
    gsize       offset;
    int         article;
    const char *part;
  } cases[] = {
    { G_STRUCT_OFFSET (SbBaseFacts, has_short_name), 18, "name" },
    { G_STRUCT_OFFSET (SbBaseFacts, has_domain), 3, "domain" },
    { G_STRUCT_OFFSET (SbBaseFacts, lead_unit_eligible), 11, "Shanxi" },
    { G_STRUCT_OFFSET (SbBaseFacts, has_recommender), 13, "department" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      SbTransitionRequest request;
      SbBaseFacts facts;

      reach (&facts, PATH_DRAFT);
      G_STRUCT_MEMBER (gboolean, &facts, cases[i].offset) = FALSE;
      request_init (&request, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2023-10-09");
      message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, cases[i].article);
      assert_contains (message, cases[i].part);

      /* and once the missing fact is there, the application goes */
      G_STRUCT_MEMBER (gboolean, &facts, cases[i].offset) = TRUE;
      assert_allowed (&facts, &request);
    }

  /* A returned application is checked again when it is resubmitted. */
  {
    g_autofree char *message = NULL;
    SbTransitionRequest request;
    SbBaseFacts facts;

    reach (&facts, PATH_RETURNED);
    facts.has_recommender = FALSE;
    request_init (&request, SB_ACTION_SUBMIT, SB_ROLE_APPLICANT, "2023-10-20");
    message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 13);
  }
}

/* Approval (Art. 15, 18) */

static void
test_approve_cycle_length (void)
{
  const int refused_months[] = { 6, 61, -1 };
  SbTransitionRequest request;
  SbBaseFacts facts;
  GDate end;

  reach (&facts, PATH_EXPERT_REVIEWED);
  for (guint i = 0; i < G_N_ELEMENTS (refused_months); i++)
    {
      g_autofree char *message = NULL;
      g_autofree char *number = g_strdup_printf ("%d", refused_months[i]);

      request_init (&request, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, "2024-01-26");
      request.months = refused_months[i];
      message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INVALID, 18);
      assert_contains (message, number);
    }

  /* 24 months: the cycle ends two years after the approval. */
  take_months (&facts, SB_ACTION_APPROVE, SB_ROLE_AUTHORITY, "2024-01-26", 24);
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_PREPARING);
  g_assert_cmpint (facts.cycle_months, ==, 24);
  assert_date (&facts.approved, "2024-01-26");
  g_assert_true (sb_base_facts_get_cycle_end (&facts, &end));
  assert_date (&end, "2026-01-26");

  /* Unsaid, the cycle is the 3 years of Art. 18. */
  reach (&facts, PATH_PREPARING);
  g_assert_cmpint (facts.cycle_months, ==, 36);
  g_assert_true (sb_base_facts_get_cycle_end (&facts, &end));
  assert_date (&end, "2027-01-26");
}

static void
test_facts_ends (void)
{
  SbBaseFacts facts;
  GDate end;

  /* Nothing to compute before the approval. */
  reach (&facts, PATH_EXPERT_REVIEWED);
  g_assert_false (sb_base_facts_get_cycle_end (&facts, &end));
  g_assert_false (g_date_valid (&end));
  g_assert_false (sb_base_facts_get_extended_end (&facts, &end));

  /* No extension, no extended end. */
  reach (&facts, PATH_EVALUATED);
  g_assert_false (sb_base_facts_get_extended_end (&facts, &end));
  g_assert_false (g_date_valid (&end));

  /* 2027-01-26 + 6 months */
  reach (&facts, PATH_EXTENDED);
  g_assert_cmpint (facts.extension_requested_months, ==, 6);
  g_assert_cmpint (facts.extension_months, ==, 6);
  g_assert_true (sb_base_facts_get_extended_end (&facts, &end));
  assert_date (&end, "2027-07-26");
}

/* Mid-term (Art. 19) */

static void
test_midterm_twice (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  reach (&facts, PATH_REPORTED);
  assert_date (&facts.midterm_report, "2025-07-20");
  request_init (&request, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2025-08-01");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_STATE, 19);
  assert_contains (message, "already");
}

static void
test_midterm_evaluation_needs_report (void)
{
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  reach (&facts, PATH_CONSTRUCTING);
  request_init (&request, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, "2025-09-10");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 19);
  assert_contains (message, "report");

  /* nor can it be recorded twice */
  reach (&facts, PATH_EVALUATED);
  request_init (&request, SB_ACTION_EVALUATE_MIDTERM, SB_ROLE_AUTHORITY, "2025-10-10");
  message2 = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_STATE, 19);
}

static void
test_midterm_after_cycle (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* The cycle ended on 2027-01-26: on that day the report still belongs to
   * it, the day after it does not. */
  reach (&facts, PATH_CONSTRUCTING);
  request_init (&request, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2027-01-27");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 19);
  assert_contains (message, "2027-01-26");

  request_init (&request, SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_ROLE_APPLICANT, "2027-01-26");
  assert_allowed (&facts, &request);
}

/* Acceptance (Art. 19, 20) */

static void
test_acceptance_deadline (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Art. 20: at least 3 months before the end, 2027-01-26 − 3 months. */
  reach (&facts, PATH_EVALUATED);
  request_init (&request, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-10-27");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 20);
  assert_contains (message, "2026-10-26");

  /* on the deadline itself */
  take (&facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-10-26");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_ACCEPTANCE_REQUESTED);
  assert_date (&facts.acceptance_applied, "2026-10-26");

  /* and well before it */
  reach (&facts, PATH_EVALUATED);
  take (&facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2025-12-01");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_ACCEPTANCE_REQUESTED);
}

static void
test_acceptance_needs_midterm (void)
{
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Art. 19: no acceptance without the mid-term evaluation, even in time,
   * and a report alone is not enough. */
  reach (&facts, PATH_CONSTRUCTING);
  request_init (&request, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-09-01");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 19);
  assert_contains (message, "mid-term");

  reach (&facts, PATH_REPORTED);
  message2 = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 19);
}

static void
test_acceptance_outcomes (void)
{
  SbBaseFacts facts;

  reach (&facts, PATH_ESTABLISHED);
  assert_date (&facts.established, "2026-11-30");
  g_assert_false (g_date_valid (&facts.closed));

  reach (&facts, PATH_RECTIFYING);
  assert_date (&facts.acceptance_failed, "2026-11-30");
  g_assert_false (g_date_valid (&facts.established));
}

static void
test_acceptance_reapplication (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Art. 20: failed on 2026-11-30, re-apply within 6 months: by 2027-05-30. */
  reach (&facts, PATH_RECTIFYING);
  request_init (&request, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2027-05-31");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 20);
  assert_contains (message, "2027-05-30");

  take (&facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2027-05-30");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_ACCEPTANCE_REQUESTED);

  /* and the second evaluation can pass */
  take (&facts, SB_ACTION_PASS_ACCEPTANCE, SB_ROLE_AUTHORITY, "2027-07-01");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_ESTABLISHED);
  assert_date (&facts.established, "2027-07-01");
}

/* Extension (Art. 21) */

static void
test_extension_window (void)
{
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  reach (&facts, PATH_EVALUATED);

  /* The example: 5 months before the end (2027-01-26) is too
   * early; the window is the last 3 months, 2026-10-26 to 2027-01-26. */
  request_init (&request, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-08-26");
  request.months = 6;
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21);
  assert_contains (message, "3 months");
  assert_contains (message, "2026-10-26");
  assert_contains (message, "2027-01-26");

  /* the day before the window */
  request_init (&request, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-10-25");
  request.months = 6;
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21));

  /* after the end */
  request_init (&request, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2027-01-27");
  request.months = 6;
  message2 = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21);

  /* 3 months before the end, the first day of the window, and its last */
  request_init (&request, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-10-26");
  request.months = 6;
  assert_allowed (&facts, &request);
  request_init (&request, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2027-01-26");
  request.months = 6;
  assert_allowed (&facts, &request);
}

static void
test_extension_length (void)
{
  const int bad[] = { 7, 12, 0, -3 };
  SbTransitionRequest request;
  SbBaseFacts facts;

  reach (&facts, PATH_EVALUATED);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *message = NULL;

      request_init (&request, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-11-15");
      request.months = bad[i];
      message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INVALID, 21);
      assert_contains (message, "6");
    }

  take_months (&facts, SB_ACTION_REQUEST_EXTENSION, SB_ROLE_APPLICANT, "2026-11-15", 6);
  g_assert_cmpint (facts.extension_requested_months, ==, 6);
  assert_date (&facts.extension_requested, "2026-11-15");

  /* The authority can grant at most 6 months too, and may grant less. */
  request_init (&request, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, "2026-11-20");
  request.months = 7;
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_INVALID, 21));
  take_months (&facts, SB_ACTION_GRANT_EXTENSION, SB_ROLE_AUTHORITY, "2026-11-20", 4);
  g_assert_cmpint (facts.extension_months, ==, 4);
}

static void
test_extension_extended_end (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Extended by 6 months to 2027-07-26: acceptance is applied for by then. */
  reach (&facts, PATH_EXTENDED);
  request_init (&request, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2027-07-27");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21);
  assert_contains (message, "2027-07-26");

  take (&facts, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2027-07-26");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_ACCEPTANCE_REQUESTED);
}

static void
test_extension_refused (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* A refused extension leaves the base under construction, with the
   * original end: past the acceptance deadline, only revocation remains. */
  reach (&facts, PATH_EXTENSION_REQUESTED);
  take (&facts, SB_ACTION_REFUSE_EXTENSION, SB_ROLE_AUTHORITY, "2026-11-20");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_CONSTRUCTING);
  g_assert_cmpint (facts.extension_months, ==, 0);

  request_init (&request, SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_ROLE_APPLICANT, "2026-11-21");
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 20));
  request_init (&request, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-26");
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21));
  take (&facts, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-27");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_REVOKED);
}

/* Revocation (Art. 20, 21) */

static void
test_revoke_after_cycle (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* The cycle ends on 2027-01-26; a base can be revoked from the day after. */
  reach (&facts, PATH_CONSTRUCTING);
  request_init (&request, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2026-06-01");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21);
  assert_contains (message, "2027-01-27");
  request_init (&request, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-26");
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21));

  take (&facts, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-27");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_REVOKED);
  assert_date (&facts.closed, "2027-01-27");
}

static void
test_revoke_preparing (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* A base that never submitted its plan (Art. 16) is revoked like one
   * that did not finish: after its cycle. */
  reach (&facts, PATH_PREPARING);
  request_init (&request, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-26");
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21));
  take (&facts, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-01-27");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_REVOKED);
}

static void
test_revoke_extended (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Art. 21: still not done after the extension, which ends 2027-07-26. */
  reach (&facts, PATH_EXTENDED);
  request_init (&request, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-07-26");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21);
  assert_contains (message, "2027-07-27");
  take (&facts, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-07-27");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_REVOKED);
}

static void
test_revoke_rectifying (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Failed on 2026-11-30; the 6 months to re-apply run to 2027-05-30. */
  reach (&facts, PATH_RECTIFYING);
  request_init (&request, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-05-30");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 20);
  assert_contains (message, "2027-05-31");

  take (&facts, SB_ACTION_REVOKE, SB_ROLE_AUTHORITY, "2027-05-31");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_REVOKED);
  assert_date (&facts.closed, "2027-05-31");
}

/* Annual reports and assessments (Art. 35, 36, 38) */

static void
test_annual_report_years (void)
{
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  g_autofree char *message3 = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Established on 2026-11-30: no report for 2025. */
  reach (&facts, PATH_ESTABLISHED);
  request_init (&request, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-03-01");
  request.year = 2025;
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INVALID, 35);
  assert_contains (message, "2025");
  assert_contains (message, "2026");

  /* nor for a year that has not begun */
  request.year = 2028;
  message2 = refused (&facts, &request, SB_LIFECYCLE_ERROR_INVALID, 35);

  g_assert_false (sb_base_facts_has_report (&facts, 2026));
  take_year (&facts, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-03-01", 2026);
  g_assert_true (sb_base_facts_has_report (&facts, 2026));
  g_assert_false (sb_base_facts_has_report (&facts, 2027));
  g_assert_false (sb_base_facts_has_assessment (&facts, 2026));

  /* a report for the same year again */
  request_init (&request, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-03-02");
  request.year = 2026;
  message3 = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_STATE, 35);
  assert_contains (message3, "2026");

  /* and the year of establishment itself and the current year are fine */
  take_year (&facts, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2027-12-20", 2027);
  g_assert_true (sb_base_facts_has_report (&facts, 2027));
}

static void
test_annual_assessment_needs_report (void)
{
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  g_autofree char *message3 = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Art. 35: the self-inspection report is the basis of the assessment. */
  reach (&facts, PATH_ESTABLISHED);
  request_init (&request, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-01");
  request.year = 2026;
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 35);
  assert_contains (message, "2026");

  request_init (&request, SB_ACTION_FAIL_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-01");
  request.year = 2026;
  date_set (&request.deadline, "2027-12-31");
  message2 = refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 35);

  /* with the report it passes, once */
  reach (&facts, PATH_ESTABLISHED_REPORTED);
  take_year (&facts, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-01", 2026);
  g_assert_true (sb_base_facts_has_assessment (&facts, 2026));
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_ESTABLISHED);

  request_init (&request, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-02");
  request.year = 2026;
  message3 = refused (&facts, &request, SB_LIFECYCLE_ERROR_WRONG_STATE, 36);
}

static void
test_annual_fail_needs_deadline (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Art. 38: rectification "within a time limit": the limit must be set,
   * and lie after the assessment. */
  reach (&facts, PATH_ESTABLISHED_REPORTED);
  request_init (&request, SB_ACTION_FAIL_ASSESSMENT, SB_ROLE_AUTHORITY, "2027-06-01");
  request.year = 2026;
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 38));

  date_set (&request.deadline, "2027-06-01");
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 38));
  date_set (&request.deadline, "2027-05-01");
  g_free (refused (&facts, &request, SB_LIFECYCLE_ERROR_INCOMPLETE, 38));

  date_set (&request.deadline, "2027-06-02");
  take_request (&facts, &request);
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_ASSESSMENT_RECTIFYING);
  assert_date (&facts.rectify_by, "2027-06-02");
  assert_date (&facts.assessment_failed, "2027-06-01");
  g_assert_true (sb_base_facts_has_assessment (&facts, 2026));
}

static void
test_recheck_fail (void)
{
  g_autofree char *message = NULL;
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* Rectify by 2027-12-31: no revocation before then. */
  reach (&facts, PATH_ASSESSMENT_RECTIFYING);
  request_init (&request, SB_ACTION_FAIL_RECHECK, SB_ROLE_AUTHORITY, "2027-12-30");
  message = refused (&facts, &request, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 38);
  assert_contains (message, "2027-12-31");

  /* on the deadline */
  take (&facts, SB_ACTION_FAIL_RECHECK, SB_ROLE_AUTHORITY, "2027-12-31");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_REVOKED);
  assert_date (&facts.closed, "2027-12-31");

  /* and after it */
  reach (&facts, PATH_ASSESSMENT_RECTIFYING);
  take (&facts, SB_ACTION_FAIL_RECHECK, SB_ROLE_AUTHORITY, "2028-02-15");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_REVOKED);
}

static void
test_recheck_pass (void)
{
  SbTransitionRequest request;
  SbBaseFacts facts;

  /* A base may pass its re-check early; it is established again and the
   * next year's cycle goes on. */
  reach (&facts, PATH_ASSESSMENT_RECTIFYING);
  take (&facts, SB_ACTION_PASS_RECHECK, SB_ROLE_AUTHORITY, "2027-09-01");
  g_assert_cmpint (facts.state, ==, SB_BASE_STATE_ESTABLISHED);
  g_assert_false (g_date_valid (&facts.rectify_by));
  g_assert_false (g_date_valid (&facts.closed));

  take_year (&facts, SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_ROLE_APPLICANT, "2028-03-01", 2027);
  request_init (&request, SB_ACTION_PASS_ASSESSMENT, SB_ROLE_AUTHORITY, "2028-06-01");
  request.year = 2027;
  take_request (&facts, &request);
  g_assert_true (sb_base_facts_has_assessment (&facts, 2027));
}

/* Strings */

static void
test_strings_states (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  SbBaseState state;

  for (SbBaseState i = 0; i < SB_N_BASE_STATES; i++)
    {
      const char *id = sb_base_state_to_string (i);

      g_assert_nonnull (id);
      g_assert_true (g_hash_table_add (seen, (gpointer) id));
      g_assert_true (sb_base_state_from_string (id, &state));
      g_assert_cmpint (state, ==, i);
      g_assert_nonnull (sb_base_state_get_label (i));
      g_assert_cmpstr (sb_base_state_get_label (i), !=, "");
      g_assert_cmpint (sb_base_state_get_phase (i), <, SB_N_PHASES);
    }

  g_assert_cmpstr (sb_base_state_to_string (SB_BASE_STATE_ASSESSMENT_RECTIFYING),
                   ==, "assessment-rectifying");
  state = SB_BASE_STATE_DRAFT;
  g_assert_false (sb_base_state_from_string ("Established", &state));
  g_assert_false (sb_base_state_from_string ("", &state));
  g_assert_false (sb_base_state_from_string (NULL, &state));
  g_assert_cmpint (state, ==, SB_BASE_STATE_DRAFT);

  /* phases as the dashboard counts them */
  g_assert_cmpint (sb_base_state_get_phase (SB_BASE_STATE_RETURNED), ==, SB_PHASE_APPLYING);
  g_assert_cmpint (sb_base_state_get_phase (SB_BASE_STATE_PREPARING), ==, SB_PHASE_PREPARING);
  g_assert_cmpint (sb_base_state_get_phase (SB_BASE_STATE_EXTENDED), ==, SB_PHASE_CONSTRUCTING);
  g_assert_cmpint (sb_base_state_get_phase (SB_BASE_STATE_RECTIFYING), ==, SB_PHASE_CONSTRUCTING);
  g_assert_cmpint (sb_base_state_get_phase (SB_BASE_STATE_ASSESSMENT_RECTIFYING),
                   ==, SB_PHASE_ESTABLISHED);
  g_assert_cmpint (sb_base_state_get_phase (SB_BASE_STATE_REJECTED), ==, SB_PHASE_REJECTED);
  g_assert_cmpint (sb_base_state_get_phase (SB_BASE_STATE_REVOKED), ==, SB_PHASE_REVOKED);
}

static void
test_strings_phases (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  SbPhase phase;

  for (SbPhase i = 0; i < SB_N_PHASES; i++)
    {
      const char *id = sb_phase_to_string (i);

      g_assert_nonnull (id);
      g_assert_true (g_hash_table_add (seen, (gpointer) id));
      g_assert_true (sb_phase_from_string (id, &phase));
      g_assert_cmpint (phase, ==, i);
      g_assert_nonnull (sb_phase_get_label (i));
    }

  g_assert_false (sb_phase_from_string ("building", &phase));
  g_assert_false (sb_phase_from_string (NULL, &phase));
}

static void
test_strings_roles (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  SbRole role;

  for (SbRole i = 0; i < SB_N_ROLES; i++)
    {
      const char *id = sb_role_to_string (i);

      g_assert_nonnull (id);
      g_assert_true (g_hash_table_add (seen, (gpointer) id));
      g_assert_true (sb_role_from_string (id, &role));
      g_assert_cmpint (role, ==, i);
      g_assert_nonnull (sb_role_get_label (i));
    }

  g_assert_cmpstr (sb_role_to_string (SB_ROLE_TECHNICAL_INSTITUTION), ==, "technical-institution");
  g_assert_false (sb_role_from_string ("manager", &role));
  g_assert_false (sb_role_from_string (NULL, &role));
}

static void
test_strings_actions (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  SbAction action;

  for (SbAction i = 0; i < SB_N_ACTIONS; i++)
    {
      const char *id = sb_action_to_string (i);

      g_assert_nonnull (id);
      g_assert_true (g_hash_table_add (seen, (gpointer) id));
      g_assert_true (sb_action_from_string (id, &action));
      g_assert_cmpint (action, ==, i);
      g_assert_nonnull (sb_action_get_label (i));
      g_assert_cmpstr (sb_action_get_label (i), !=, "");
    }

  g_assert_cmpstr (sb_action_to_string (SB_ACTION_REQUEST_EXTENSION), ==, "request-extension");
  g_assert_false (sb_action_from_string ("extend", &action));
  g_assert_false (sb_action_from_string (NULL, &action));
}

static void
test_strings_article (void)
{
  g_autofree char *text = sb_article_format (21);

  g_assert_cmpstr (text, ==, "Art. 21");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lifecycle/rules/every-transition", test_rules_every_transition);
  g_test_add_func ("/lifecycle/rules/unlisted-refused", test_rules_unlisted_refused);
  g_test_add_func ("/lifecycle/rules/terminal-states", test_rules_terminal_states);
  g_test_add_func ("/lifecycle/refuse/wrong-state", test_refuse_wrong_state);
  g_test_add_func ("/lifecycle/refuse/wrong-role", test_refuse_wrong_role);
  g_test_add_func ("/lifecycle/refuse/future-date", test_refuse_future_date);
  g_test_add_func ("/lifecycle/refuse/before-last-step", test_refuse_before_last_step);
  g_test_add_func ("/lifecycle/refuse/invalid-date", test_refuse_invalid_date);
  g_test_add_func ("/lifecycle/refuse/missing-reason", test_refuse_missing_reason);
  g_test_add_func ("/lifecycle/submit/incomplete", test_submit_incomplete);
  g_test_add_func ("/lifecycle/approve/cycle-length", test_approve_cycle_length);
  g_test_add_func ("/lifecycle/facts/ends", test_facts_ends);
  g_test_add_func ("/lifecycle/midterm/twice", test_midterm_twice);
  g_test_add_func ("/lifecycle/midterm/evaluation-needs-report", test_midterm_evaluation_needs_report);
  g_test_add_func ("/lifecycle/midterm/after-cycle", test_midterm_after_cycle);
  g_test_add_func ("/lifecycle/acceptance/deadline", test_acceptance_deadline);
  g_test_add_func ("/lifecycle/acceptance/needs-midterm", test_acceptance_needs_midterm);
  g_test_add_func ("/lifecycle/acceptance/outcomes", test_acceptance_outcomes);
  g_test_add_func ("/lifecycle/acceptance/reapplication", test_acceptance_reapplication);
  g_test_add_func ("/lifecycle/extension/window", test_extension_window);
  g_test_add_func ("/lifecycle/extension/length", test_extension_length);
  g_test_add_func ("/lifecycle/extension/extended-end", test_extension_extended_end);
  g_test_add_func ("/lifecycle/extension/refused", test_extension_refused);
  g_test_add_func ("/lifecycle/revoke/after-cycle", test_revoke_after_cycle);
  g_test_add_func ("/lifecycle/revoke/preparing", test_revoke_preparing);
  g_test_add_func ("/lifecycle/revoke/extended", test_revoke_extended);
  g_test_add_func ("/lifecycle/revoke/rectifying", test_revoke_rectifying);
  g_test_add_func ("/lifecycle/annual/report-years", test_annual_report_years);
  g_test_add_func ("/lifecycle/annual/assessment-needs-report", test_annual_assessment_needs_report);
  g_test_add_func ("/lifecycle/annual/fail-needs-deadline", test_annual_fail_needs_deadline);
  g_test_add_func ("/lifecycle/recheck/fail", test_recheck_fail);
  g_test_add_func ("/lifecycle/recheck/pass", test_recheck_pass);
  g_test_add_func ("/lifecycle/strings/states", test_strings_states);
  g_test_add_func ("/lifecycle/strings/phases", test_strings_phases);
  g_test_add_func ("/lifecycle/strings/roles", test_strings_roles);
  g_test_add_func ("/lifecycle/strings/actions", test_strings_actions);
  g_test_add_func ("/lifecycle/strings/article", test_strings_article);

  return g_test_run ();
}
