/* sb-lifecycle.c: the life-cycle rules of the regulation
 */
#define G_LOG_DOMAIN "sb-lifecycle"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-date.h"
#include "sb-lifecycle.h"

G_DEFINE_QUARK (sb-lifecycle-error-quark, sb_lifecycle_error)

typedef struct
{
  SbAction    action;
  SbBaseState from;
  SbBaseState to;
  SbRole      role;
  int         article;
} Rule;

/* Every step the regulation allows, who takes it, and the article that
 * allows it.  A step not listed here is refused.
 */
static const Rule rules[] = {
  { SB_ACTION_SUBMIT, SB_BASE_STATE_DRAFT, SB_BASE_STATE_SUBMITTED, SB_ROLE_APPLICANT, 13 },
  { SB_ACTION_SUBMIT, SB_BASE_STATE_RETURNED, SB_BASE_STATE_SUBMITTED, SB_ROLE_APPLICANT, 13 },
  { SB_ACTION_RECOMMEND, SB_BASE_STATE_SUBMITTED, SB_BASE_STATE_RECOMMENDED, SB_ROLE_RECOMMENDER, 13 },
  { SB_ACTION_RETURN, SB_BASE_STATE_SUBMITTED, SB_BASE_STATE_RETURNED, SB_ROLE_RECOMMENDER, 13 },
  { SB_ACTION_PASS_FORMAL_REVIEW, SB_BASE_STATE_RECOMMENDED, SB_BASE_STATE_FORMALLY_REVIEWED, SB_ROLE_TECHNICAL_INSTITUTION, 14 },
  { SB_ACTION_RETURN, SB_BASE_STATE_RECOMMENDED, SB_BASE_STATE_RETURNED, SB_ROLE_TECHNICAL_INSTITUTION, 14 },
  { SB_ACTION_COMPLETE_EXPERT_REVIEW, SB_BASE_STATE_FORMALLY_REVIEWED, SB_BASE_STATE_EXPERT_REVIEWED, SB_ROLE_EXPERT, 15 },
  { SB_ACTION_APPROVE, SB_BASE_STATE_EXPERT_REVIEWED, SB_BASE_STATE_PREPARING, SB_ROLE_AUTHORITY, 15 },
  { SB_ACTION_REJECT, SB_BASE_STATE_EXPERT_REVIEWED, SB_BASE_STATE_REJECTED, SB_ROLE_AUTHORITY, 15 },
  { SB_ACTION_SUBMIT_PLAN, SB_BASE_STATE_PREPARING, SB_BASE_STATE_CONSTRUCTING, SB_ROLE_APPLICANT, 16 },
  { SB_ACTION_SUBMIT_MIDTERM_REPORT, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_CONSTRUCTING, SB_ROLE_APPLICANT, 19 },
  { SB_ACTION_EVALUATE_MIDTERM, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_CONSTRUCTING, SB_ROLE_AUTHORITY, 19 },
  { SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_ACCEPTANCE_REQUESTED, SB_ROLE_APPLICANT, 20 },
  { SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_BASE_STATE_EXTENDED, SB_BASE_STATE_ACCEPTANCE_REQUESTED, SB_ROLE_APPLICANT, 21 },
  { SB_ACTION_APPLY_FOR_ACCEPTANCE, SB_BASE_STATE_RECTIFYING, SB_BASE_STATE_ACCEPTANCE_REQUESTED, SB_ROLE_APPLICANT, 20 },
  { SB_ACTION_PASS_ACCEPTANCE, SB_BASE_STATE_ACCEPTANCE_REQUESTED, SB_BASE_STATE_ESTABLISHED, SB_ROLE_AUTHORITY, 20 },
  { SB_ACTION_FAIL_ACCEPTANCE, SB_BASE_STATE_ACCEPTANCE_REQUESTED, SB_BASE_STATE_RECTIFYING, SB_ROLE_AUTHORITY, 20 },
  { SB_ACTION_REQUEST_EXTENSION, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_EXTENSION_REQUESTED, SB_ROLE_APPLICANT, 21 },
  { SB_ACTION_GRANT_EXTENSION, SB_BASE_STATE_EXTENSION_REQUESTED, SB_BASE_STATE_EXTENDED, SB_ROLE_AUTHORITY, 21 },
  { SB_ACTION_REFUSE_EXTENSION, SB_BASE_STATE_EXTENSION_REQUESTED, SB_BASE_STATE_CONSTRUCTING, SB_ROLE_AUTHORITY, 21 },
  /* A base that never submitted its plan must not outlive its cycle either. */
  { SB_ACTION_REVOKE, SB_BASE_STATE_PREPARING, SB_BASE_STATE_REVOKED, SB_ROLE_AUTHORITY, 21 },
  { SB_ACTION_REVOKE, SB_BASE_STATE_CONSTRUCTING, SB_BASE_STATE_REVOKED, SB_ROLE_AUTHORITY, 21 },
  { SB_ACTION_REVOKE, SB_BASE_STATE_EXTENDED, SB_BASE_STATE_REVOKED, SB_ROLE_AUTHORITY, 21 },
  { SB_ACTION_REVOKE, SB_BASE_STATE_RECTIFYING, SB_BASE_STATE_REVOKED, SB_ROLE_AUTHORITY, 20 },
  { SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_BASE_STATE_ESTABLISHED, SB_BASE_STATE_ESTABLISHED, SB_ROLE_APPLICANT, 35 },
  { SB_ACTION_SUBMIT_ANNUAL_REPORT, SB_BASE_STATE_ASSESSMENT_RECTIFYING, SB_BASE_STATE_ASSESSMENT_RECTIFYING, SB_ROLE_APPLICANT, 35 },
  { SB_ACTION_PASS_ASSESSMENT, SB_BASE_STATE_ESTABLISHED, SB_BASE_STATE_ESTABLISHED, SB_ROLE_AUTHORITY, 36 },
  { SB_ACTION_FAIL_ASSESSMENT, SB_BASE_STATE_ESTABLISHED, SB_BASE_STATE_ASSESSMENT_RECTIFYING, SB_ROLE_AUTHORITY, 38 },
  { SB_ACTION_PASS_RECHECK, SB_BASE_STATE_ASSESSMENT_RECTIFYING, SB_BASE_STATE_ESTABLISHED, SB_ROLE_AUTHORITY, 38 },
  { SB_ACTION_FAIL_RECHECK, SB_BASE_STATE_ASSESSMENT_RECTIFYING, SB_BASE_STATE_REVOKED, SB_ROLE_AUTHORITY, 38 },
};

static const struct
{
  const char *id;
  const char *label;
  gboolean    needs_reason;
} actions[SB_N_ACTIONS] = {
  [SB_ACTION_SUBMIT] = { "submit", N_("Submit the application"), FALSE },
  [SB_ACTION_RECOMMEND] = { "recommend", N_("Recommend"), FALSE },
  [SB_ACTION_RETURN] = { "return", N_("Return for correction"), TRUE },
  [SB_ACTION_PASS_FORMAL_REVIEW] = { "pass-formal-review", N_("Pass the formal review"), FALSE },
  [SB_ACTION_COMPLETE_EXPERT_REVIEW] = { "complete-expert-review", N_("Complete the expert review"), FALSE },
  [SB_ACTION_APPROVE] = { "approve", N_("Approve preparation"), FALSE },
  [SB_ACTION_REJECT] = { "reject", N_("Reject the application"), TRUE },
  [SB_ACTION_SUBMIT_PLAN] = { "submit-plan", N_("Submit the construction plan"), FALSE },
  [SB_ACTION_SUBMIT_MIDTERM_REPORT] = { "submit-midterm-report", N_("Submit the mid-term report"), FALSE },
  [SB_ACTION_EVALUATE_MIDTERM] = { "evaluate-midterm", N_("Record the mid-term evaluation"), FALSE },
  [SB_ACTION_APPLY_FOR_ACCEPTANCE] = { "apply-for-acceptance", N_("Apply for acceptance"), FALSE },
  [SB_ACTION_PASS_ACCEPTANCE] = { "pass-acceptance", N_("Pass acceptance and establish"), FALSE },
  [SB_ACTION_FAIL_ACCEPTANCE] = { "fail-acceptance", N_("Fail acceptance"), TRUE },
  [SB_ACTION_REQUEST_EXTENSION] = { "request-extension", N_("Request an extension"), TRUE },
  [SB_ACTION_GRANT_EXTENSION] = { "grant-extension", N_("Grant the extension"), FALSE },
  [SB_ACTION_REFUSE_EXTENSION] = { "refuse-extension", N_("Refuse the extension"), TRUE },
  [SB_ACTION_REVOKE] = { "revoke", N_("Revoke"), TRUE },
  [SB_ACTION_SUBMIT_ANNUAL_REPORT] = { "submit-annual-report", N_("Submit the annual self-inspection report"), FALSE },
  [SB_ACTION_PASS_ASSESSMENT] = { "pass-assessment", N_("Pass the annual assessment"), FALSE },
  [SB_ACTION_FAIL_ASSESSMENT] = { "fail-assessment", N_("Fail the annual assessment"), TRUE },
  [SB_ACTION_PASS_RECHECK] = { "pass-recheck", N_("Pass the re-check after rectification"), FALSE },
  [SB_ACTION_FAIL_RECHECK] = { "fail-recheck", N_("Fail the re-check and revoke"), TRUE },
};

static void
set_bit (guint64 *years,
         int      year)
{
  if (year >= SB_FACTS_FIRST_YEAR && year < SB_FACTS_FIRST_YEAR + 64)
    *years |= G_GUINT64_CONSTANT (1) << (year - SB_FACTS_FIRST_YEAR);
}

static gboolean
has_bit (guint64 years,
         int     year)
{
  if (year < SB_FACTS_FIRST_YEAR || year >= SB_FACTS_FIRST_YEAR + 64)
    return FALSE;

  return (years >> (year - SB_FACTS_FIRST_YEAR)) & 1;
}

static gboolean
refuse (GError     **error,
        int          code,
        int          article,
        const char  *format,
        ...) G_GNUC_PRINTF (4, 5);

/* Every refusal ends with the article it rests on. */
static gboolean
refuse (GError     **error,
        int          code,
        int          article,
        const char  *format,
        ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *article_text = sb_article_format (article);
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a refused step, then the article of the regulation, e.g.
   * "… cycle (Art. 21)" */
  g_set_error (error, SB_LIFECYCLE_ERROR, code, _("%s (%s)"), reason, article_text);
  return FALSE;
}

/* Whether @date lies in [@first, @last]; either bound may be NULL. */
static gboolean
date_within (const GDate *date,
             const GDate *first,
             const GDate *last)
{
  return (first == NULL || g_date_compare (date, first) >= 0)
         && (last == NULL || g_date_compare (date, last) <= 0);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
require_reason (const SbTransitionRequest *request,
                int                        article,
                GError                   **error)
{
  if (actions[request->action].needs_reason && is_blank (request->note))
    return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, article,
                   _("“%s” needs a reason, which the base will see"),
                   sb_action_get_label (request->action));

  return TRUE;
}

static gboolean
check_application (const SbBaseFacts *facts,
                   GError           **error)
{
  if (!facts->has_short_name)
    return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, 18,
                   _("The application does not name the base yet"));
  if (!facts->has_domain)
    return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, 3,
                   _("The application does not say which domain the base serves"));
  if (!facts->lead_unit_eligible)
    return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, 11,
                   _("The lead unit must be a legal person registered in Shanxi, with a valid Unified Social Credit Code"));
  if (!facts->has_recommender)
    return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, 13,
                   _("The application must go through an industry department or a city or zone standardisation authority"));

  return TRUE;
}

static gboolean
check_cycle_months (int      months,
                    GError **error)
{
  if (months < 12 || months > 60)
    return refuse (error, SB_LIFECYCLE_ERROR_INVALID, 18,
                   _("The construction cycle must be from 12 to 60 months, not %d"),
                   months);

  return TRUE;
}

static gboolean
check_extension_months (int      months,
                        GError **error)
{
  if (months < 1 || months > SB_MAX_EXTENSION_MONTHS)
    return refuse (error, SB_LIFECYCLE_ERROR_INVALID, 21,
                   _("An extension must be from 1 to %d months, not %d"),
                   SB_MAX_EXTENSION_MONTHS, months);

  return TRUE;
}

/* The step-specific rules, once the state and role are right. */
static gboolean
check_requirements (const SbBaseFacts         *facts,
                    const SbTransitionRequest *request,
                    GError                   **error)
{
  const GDate *date = &request->date;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  GDate end, last, first;

  switch (request->action)
    {
    case SB_ACTION_SUBMIT:
      return check_application (facts, error);

    case SB_ACTION_APPROVE:
      return request->months == 0 || check_cycle_months (request->months, error);

    case SB_ACTION_SUBMIT_MIDTERM_REPORT:
      if (g_date_valid (&facts->midterm_report))
        return refuse (error, SB_LIFECYCLE_ERROR_WRONG_STATE, 19,
                       _("The mid-term report has already been submitted"));
      sb_base_facts_get_cycle_end (facts, &end);
      if (!date_within (date, NULL, &end))
        {
          last_text = sb_date_format (&end);
          return refuse (error, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 19,
                         _("The mid-term report belongs to the construction cycle, which ended on %s"),
                         last_text);
        }
      return TRUE;

    case SB_ACTION_EVALUATE_MIDTERM:
      if (!g_date_valid (&facts->midterm_report))
        return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, 19,
                       _("The mid-term evaluation needs the base’s mid-term report first"));
      if (g_date_valid (&facts->midterm_evaluated))
        return refuse (error, SB_LIFECYCLE_ERROR_WRONG_STATE, 19,
                       _("The mid-term evaluation has already been recorded"));
      return TRUE;

    case SB_ACTION_APPLY_FOR_ACCEPTANCE:
      if (facts->state == SB_BASE_STATE_RECTIFYING)
        {
          sb_date_add_months_to (&facts->acceptance_failed, SB_REAPPLICATION_MONTHS, &last);
          if (date_within (date, NULL, &last))
            return TRUE;
          last_text = sb_date_format (&last);
          return refuse (error, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 20,
                         _("After a failed acceptance the base had 6 months to apply again, until %s"),
                         last_text);
        }
      if (facts->state == SB_BASE_STATE_EXTENDED)
        {
          sb_base_facts_get_extended_end (facts, &last);
          if (date_within (date, NULL, &last))
            return TRUE;
          last_text = sb_date_format (&last);
          return refuse (error, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21,
                         _("The extension ended on %s"), last_text);
        }
      if (!g_date_valid (&facts->midterm_evaluated))
        return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, 19,
                       _("Acceptance needs the mid-term evaluation first"));
      sb_base_facts_get_cycle_end (facts, &end);
      sb_date_add_months_to (&end, -SB_ACCEPTANCE_LEAD_MONTHS, &last);
      if (date_within (date, NULL, &last))
        return TRUE;
      last_text = sb_date_format (&last);
      return refuse (error, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 20,
                     _("Acceptance must be applied for at least 3 months before the end of the construction cycle, by %s"),
                     last_text);

    case SB_ACTION_REQUEST_EXTENSION:
      if (!check_extension_months (request->months, error))
        return FALSE;
      sb_base_facts_get_cycle_end (facts, &end);
      sb_date_add_months_to (&end, -SB_EXTENSION_WINDOW_MONTHS, &first);
      if (date_within (date, &first, &end))
        return TRUE;
      first_text = sb_date_format (&first);
      last_text = sb_date_format (&end);
      return refuse (error, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21,
                     _("An extension can be requested only in the last 3 months of the construction cycle, from %s to %s"),
                     first_text, last_text);

    case SB_ACTION_GRANT_EXTENSION:
      return request->months == 0 || check_extension_months (request->months, error);

    case SB_ACTION_REVOKE:
      if (facts->state == SB_BASE_STATE_RECTIFYING)
        {
          sb_date_add_months_to (&facts->acceptance_failed, SB_REAPPLICATION_MONTHS, &first);
          g_date_add_days (&first, 1);
          if (date_within (date, &first, NULL))
            return TRUE;
          first_text = sb_date_format (&first);
          return refuse (error, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 20,
                         _("A base that failed acceptance has 6 months to apply again; it can be revoked from %s"),
                         first_text);
        }
      if (facts->state == SB_BASE_STATE_EXTENDED)
        sb_base_facts_get_extended_end (facts, &first);
      else
        sb_base_facts_get_cycle_end (facts, &first);
      g_date_add_days (&first, 1);
      if (date_within (date, &first, NULL))
        return TRUE;
      first_text = sb_date_format (&first);
      return refuse (error, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 21,
                     _("A base can be revoked for not finishing its construction only after its construction period, from %s"),
                     first_text);

    case SB_ACTION_SUBMIT_ANNUAL_REPORT:
      if (request->year < g_date_get_year (&facts->established)
          || request->year > g_date_get_year (date))
        return refuse (error, SB_LIFECYCLE_ERROR_INVALID, 35,
                       _("An annual report can be for a year from %d, when the base was established, to %d, not %d"),
                       g_date_get_year (&facts->established),
                       g_date_get_year (date), request->year);
      if (sb_base_facts_has_report (facts, request->year))
        return refuse (error, SB_LIFECYCLE_ERROR_WRONG_STATE, 35,
                       _("The annual report for %d has already been submitted"),
                       request->year);
      return TRUE;

    case SB_ACTION_PASS_ASSESSMENT:
    case SB_ACTION_FAIL_ASSESSMENT:
      if (!sb_base_facts_has_report (facts, request->year))
        return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, 35,
                       _("The assessment for %d needs the base’s self-inspection report for that year first"),
                       request->year);
      if (sb_base_facts_has_assessment (facts, request->year))
        return refuse (error, SB_LIFECYCLE_ERROR_WRONG_STATE, 36,
                       _("The assessment for %d has already been recorded"),
                       request->year);
      if (request->action == SB_ACTION_FAIL_ASSESSMENT
          && (!g_date_valid (&request->deadline)
              || g_date_compare (&request->deadline, date) <= 0))
        return refuse (error, SB_LIFECYCLE_ERROR_INCOMPLETE, 38,
                       _("A failed assessment needs a rectification deadline after the date of the assessment"));
      return TRUE;

    case SB_ACTION_FAIL_RECHECK:
      if (date_within (date, &facts->rectify_by, NULL))
        return TRUE;
      first_text = sb_date_format (&facts->rectify_by);
      return refuse (error, SB_LIFECYCLE_ERROR_OUT_OF_TIME, 38,
                     _("The base has until %s to rectify; it can be revoked only after a re-check from then on"),
                     first_text);

    case SB_ACTION_RECOMMEND:
    case SB_ACTION_RETURN:
    case SB_ACTION_PASS_FORMAL_REVIEW:
    case SB_ACTION_COMPLETE_EXPERT_REVIEW:
    case SB_ACTION_REJECT:
    case SB_ACTION_SUBMIT_PLAN:
    case SB_ACTION_PASS_ACCEPTANCE:
    case SB_ACTION_FAIL_ACCEPTANCE:
    case SB_ACTION_REFUSE_EXTENSION:
    case SB_ACTION_PASS_RECHECK:
    case SB_N_ACTIONS:
    default:
      return TRUE;
    }
}

void
sb_base_facts_init (SbBaseFacts *facts)
{
  /* A zeroed GDate is a cleared one: every step starts not taken. */
  memset (facts, 0, sizeof *facts);
  facts->state = SB_BASE_STATE_DRAFT;
  facts->cycle_months = SB_DEFAULT_CYCLE_MONTHS;
}

/* Art. 18: the cycle runs from the approval for its length. */
gboolean
sb_base_facts_get_cycle_end (const SbBaseFacts *facts,
                             GDate             *end)
{
  g_date_clear (end, 1);
  if (!g_date_valid (&facts->approved))
    return FALSE;

  sb_date_add_months_to (&facts->approved, facts->cycle_months, end);
  return TRUE;
}

/* Art. 21: the granted extension is added to the end of the cycle. */
gboolean
sb_base_facts_get_extended_end (const SbBaseFacts *facts,
                                GDate             *end)
{
  GDate cycle_end;

  g_date_clear (end, 1);
  if (!sb_base_facts_get_cycle_end (facts, &cycle_end) || facts->extension_months <= 0)
    return FALSE;

  sb_date_add_months_to (&cycle_end, facts->extension_months, end);
  return TRUE;
}

gboolean
sb_base_facts_has_report (const SbBaseFacts *facts,
                          int                year)
{
  return has_bit (facts->report_years, year);
}

gboolean
sb_base_facts_has_assessment (const SbBaseFacts *facts,
                              int                year)
{
  return has_bit (facts->assessment_years, year);
}

void
sb_transition_request_init (SbTransitionRequest *request,
                            SbAction             action,
                            SbRole               role,
                            const GDate         *date)
{
  memset (request, 0, sizeof *request);
  request->action = action;
  request->role = role;
  request->date = *date;
  g_date_clear (&request->deadline, 1);
}

const char *
sb_action_to_string (SbAction action)
{
  g_return_val_if_fail (action < SB_N_ACTIONS, NULL);

  return actions[action].id;
}

gboolean
sb_action_from_string (const char *text,
                       SbAction   *action)
{
  for (guint i = 0; i < SB_N_ACTIONS; i++)
    {
      if (g_strcmp0 (text, actions[i].id) == 0)
        {
          *action = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sb_action_get_label (SbAction action)
{
  g_return_val_if_fail (action < SB_N_ACTIONS, NULL);

  return _(actions[action].label);
}

/* Whether the step must say why: returns, refusals and failures. */
gboolean
sb_action_needs_reason (SbAction action)
{
  g_return_val_if_fail (action < SB_N_ACTIONS, FALSE);

  return actions[action].needs_reason;
}

char *
sb_article_format (int article)
{
  /* Translators: an article of the regulation, 第%d条 */
  return g_strdup_printf (_("Art. %d"), article);
}

gboolean
sb_lifecycle_find_rule (SbAction     action,
                        SbBaseState  from,
                        SbBaseState *to,
                        SbRole      *role,
                        int         *article)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (rules[i].action == action && rules[i].from == from)
        {
          if (to != NULL)
            *to = rules[i].to;
          if (role != NULL)
            *role = rules[i].role;
          if (article != NULL)
            *article = rules[i].article;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sb_lifecycle_list_actions:
 *
 * Returns: (transfer full): the #SbAction values the regulation allows in
 *   @state, whoever may take them
 */
GArray *
sb_lifecycle_list_actions (SbBaseState state)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (SbAction));

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (rules[i].from == state)
        g_array_append_val (result, rules[i].action);
    }

  return result;
}

/* Whether the regulation gives @role a step to take in @state: the bases
 * waiting for that role. */
gboolean
sb_lifecycle_role_acts_in (SbRole      role,
                           SbBaseState state)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i].from == state && rules[i].role == role)
      return TRUE;

  return FALSE;
}

/**
 * sb_lifecycle_check:
 * @facts: what is recorded for the base
 * @request: the step someone asks for
 * @today: the date it is asked on
 *
 * Returns: %TRUE if the regulation allows @request, or %FALSE with an
 *   error that names the article that does not
 */
gboolean
sb_lifecycle_check (const SbBaseFacts         *facts,
                    const SbTransitionRequest *request,
                    const GDate               *today,
                    GError                   **error)
{
  SbRole role;
  int article = 0;

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (request->action < SB_N_ACTIONS, FALSE);

  if (!sb_lifecycle_find_rule (request->action, facts->state, NULL, &role, &article))
    {
      /* Name the article of the step that was asked for, from any state. */
      for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
        {
          if (rules[i].action == request->action)
            {
              article = rules[i].article;
              break;
            }
        }
      return refuse (error, SB_LIFECYCLE_ERROR_WRONG_STATE, article,
                     _("“%s” is not possible while the base is “%s”"),
                     sb_action_get_label (request->action),
                     sb_base_state_get_label (facts->state));
    }

  if (request->role != role)
    return refuse (error, SB_LIFECYCLE_ERROR_WRONG_ROLE, article,
                   _("Only the %s may “%s”, not the %s"),
                   sb_role_get_label (role),
                   sb_action_get_label (request->action),
                   sb_role_get_label (request->role));

  if (!g_date_valid (&request->date))
    return refuse (error, SB_LIFECYCLE_ERROR_INVALID, article,
                   _("The step has no valid date"));
  if (today != NULL && g_date_compare (&request->date, today) > 0)
    {
      g_autofree char *date_text = sb_date_format (&request->date);

      return refuse (error, SB_LIFECYCLE_ERROR_INVALID, article,
                     _("%s is in the future: only steps that have happened can be recorded"),
                     date_text);
    }
  if (g_date_valid (&facts->last_transition)
      && g_date_compare (&request->date, &facts->last_transition) < 0)
    {
      g_autofree char *date_text = sb_date_format (&request->date);
      g_autofree char *last_text = sb_date_format (&facts->last_transition);

      return refuse (error, SB_LIFECYCLE_ERROR_INVALID, article,
                     _("%s is before the base’s last recorded step on %s"),
                     date_text, last_text);
    }

  if (!require_reason (request, article, error))
    return FALSE;

  return check_requirements (facts, request, error);
}

/**
 * sb_lifecycle_apply:
 *
 * Records @request in @facts.  Call only after sb_lifecycle_check() said
 * yes.
 */
void
sb_lifecycle_apply (SbBaseFacts               *facts,
                    const SbTransitionRequest *request)
{
  SbBaseState to;
  gboolean found;

  found = sb_lifecycle_find_rule (request->action, facts->state, &to, NULL, NULL);
  g_return_if_fail (found);

  switch (request->action)
    {
    case SB_ACTION_SUBMIT:
      facts->submitted = request->date;
      break;
    case SB_ACTION_APPROVE:
      facts->approved = request->date;
      facts->cycle_months = request->months > 0 ? request->months : SB_DEFAULT_CYCLE_MONTHS;
      break;
    case SB_ACTION_SUBMIT_PLAN:
      facts->plan_submitted = request->date;
      break;
    case SB_ACTION_SUBMIT_MIDTERM_REPORT:
      facts->midterm_report = request->date;
      break;
    case SB_ACTION_EVALUATE_MIDTERM:
      facts->midterm_evaluated = request->date;
      break;
    case SB_ACTION_APPLY_FOR_ACCEPTANCE:
      facts->acceptance_applied = request->date;
      break;
    case SB_ACTION_FAIL_ACCEPTANCE:
      facts->acceptance_failed = request->date;
      break;
    case SB_ACTION_REQUEST_EXTENSION:
      facts->extension_requested = request->date;
      facts->extension_requested_months = request->months;
      break;
    case SB_ACTION_GRANT_EXTENSION:
      facts->extension_months = request->months > 0
                                ? request->months
                                : facts->extension_requested_months;
      break;
    case SB_ACTION_PASS_ACCEPTANCE:
      facts->established = request->date;
      break;
    case SB_ACTION_SUBMIT_ANNUAL_REPORT:
      set_bit (&facts->report_years, request->year);
      break;
    case SB_ACTION_PASS_ASSESSMENT:
      set_bit (&facts->assessment_years, request->year);
      break;
    case SB_ACTION_FAIL_ASSESSMENT:
      set_bit (&facts->assessment_years, request->year);
      facts->assessment_failed = request->date;
      facts->rectify_by = request->deadline;
      break;
    case SB_ACTION_PASS_RECHECK:
      g_date_clear (&facts->rectify_by, 1);
      break;
    case SB_ACTION_REJECT:
    case SB_ACTION_REVOKE:
    case SB_ACTION_FAIL_RECHECK:
      facts->closed = request->date;
      break;
    case SB_ACTION_RECOMMEND:
    case SB_ACTION_RETURN:
    case SB_ACTION_PASS_FORMAL_REVIEW:
    case SB_ACTION_COMPLETE_EXPERT_REVIEW:
    case SB_ACTION_REFUSE_EXTENSION:
    case SB_N_ACTIONS:
    default:
      break;
    }

  facts->state = to;
  facts->last_transition = request->date;
}
