/* sb-lifecycle.h: the life-cycle rules of the regulation
 *
 * A pure module: it judges a requested step against the facts recorded for
 * a base and says yes, or no with the article that forbids it.  Storage
 * (sb-base-store.h) loads the facts, asks, and records.
 */
#pragma once

#include <glib.h>

#include "sb-base-state.h"

G_BEGIN_DECLS

#define SB_LIFECYCLE_ERROR (sb_lifecycle_error_quark ())

typedef enum
{
  SB_LIFECYCLE_ERROR_WRONG_STATE,  /* the action does not apply in this state */
  SB_LIFECYCLE_ERROR_WRONG_ROLE,   /* someone else must do it */
  SB_LIFECYCLE_ERROR_OUT_OF_TIME,  /* outside the window the regulation sets */
  SB_LIFECYCLE_ERROR_INCOMPLETE,   /* something it requires is missing */
  SB_LIFECYCLE_ERROR_INVALID,      /* a bad date, length or year */
} SbLifecycleError;

typedef enum
{
  SB_ACTION_SUBMIT,
  SB_ACTION_RECOMMEND,
  SB_ACTION_RETURN,
  SB_ACTION_PASS_FORMAL_REVIEW,
  SB_ACTION_COMPLETE_EXPERT_REVIEW,
  SB_ACTION_APPROVE,
  SB_ACTION_REJECT,
  SB_ACTION_SUBMIT_PLAN,
  SB_ACTION_SUBMIT_MIDTERM_REPORT,
  SB_ACTION_EVALUATE_MIDTERM,
  SB_ACTION_APPLY_FOR_ACCEPTANCE,
  SB_ACTION_PASS_ACCEPTANCE,
  SB_ACTION_FAIL_ACCEPTANCE,
  SB_ACTION_REQUEST_EXTENSION,
  SB_ACTION_GRANT_EXTENSION,
  SB_ACTION_REFUSE_EXTENSION,
  SB_ACTION_REVOKE,
  SB_ACTION_SUBMIT_ANNUAL_REPORT,
  SB_ACTION_PASS_ASSESSMENT,
  SB_ACTION_FAIL_ASSESSMENT,
  SB_ACTION_PASS_RECHECK,
  SB_ACTION_FAIL_RECHECK,
  SB_N_ACTIONS
} SbAction;

#define SB_DEFAULT_CYCLE_MONTHS    36 /* Art. 18 */
#define SB_MAX_EXTENSION_MONTHS     6 /* Art. 21 */
#define SB_ACCEPTANCE_LEAD_MONTHS   3 /* Art. 20 */
#define SB_EXTENSION_WINDOW_MONTHS  3 /* Art. 21 */
#define SB_REAPPLICATION_MONTHS     6 /* Art. 20 */
#define SB_PLAN_WORKING_DAYS       30 /* Art. 16 */

/* Years of annual reports and assessments are kept as bits from this one. */
#define SB_FACTS_FIRST_YEAR 2000

/* What the rules need to know about a base: its state and the dates on
 * which each step happened (cleared GDates for steps not taken).
 */
typedef struct
{
  SbBaseState state;

  GDate submitted;
  GDate approved;
  GDate plan_submitted;
  GDate midterm_report;
  GDate midterm_evaluated;
  GDate acceptance_applied;
  GDate acceptance_failed;
  GDate extension_requested;
  GDate established;
  GDate assessment_failed;
  GDate rectify_by;
  GDate closed;
  GDate last_transition;

  int cycle_months;
  int extension_requested_months;
  int extension_months;

  guint64 report_years;
  guint64 assessment_years;

  /* Whether the application is complete enough to submit (Art. 11, 13). */
  gboolean has_short_name;
  gboolean has_domain;
  gboolean has_recommender;
  gboolean lead_unit_eligible;
} SbBaseFacts;

typedef struct
{
  SbAction     action;
  SbRole       role;
  const char  *actor;
  GDate        date;
  const char  *note;
  int          months;    /* approve: cycle length; extensions: length */
  int          year;      /* annual report, assessment */
  GDate        deadline;  /* fail-assessment: rectify by */
} SbTransitionRequest;

GQuark       sb_lifecycle_error_quark        (void);

void         sb_base_facts_init              (SbBaseFacts               *facts);
gboolean     sb_base_facts_get_cycle_end     (const SbBaseFacts         *facts,
                                              GDate                     *end);
gboolean     sb_base_facts_get_extended_end  (const SbBaseFacts         *facts,
                                              GDate                     *end);
gboolean     sb_base_facts_has_report        (const SbBaseFacts         *facts,
                                              int                        year);
gboolean     sb_base_facts_has_assessment    (const SbBaseFacts         *facts,
                                              int                        year);

void         sb_transition_request_init      (SbTransitionRequest       *request,
                                              SbAction                   action,
                                              SbRole                     role,
                                              const GDate               *date);

const char  *sb_action_to_string             (SbAction                   action);
gboolean     sb_action_from_string           (const char                *text,
                                              SbAction                  *action);
const char  *sb_action_get_label             (SbAction                   action);
gboolean     sb_action_needs_reason          (SbAction                   action);

char        *sb_article_format               (int                        article);

gboolean     sb_lifecycle_find_rule          (SbAction                   action,
                                              SbBaseState                from,
                                              SbBaseState               *to,
                                              SbRole                    *role,
                                              int                       *article);
GArray      *sb_lifecycle_list_actions       (SbBaseState                state);
gboolean     sb_lifecycle_role_acts_in       (SbRole                     role,
                                              SbBaseState                state);
gboolean     sb_lifecycle_check              (const SbBaseFacts         *facts,
                                              const SbTransitionRequest *request,
                                              const GDate               *today,
                                              GError                   **error);
void         sb_lifecycle_apply              (SbBaseFacts               *facts,
                                              const SbTransitionRequest *request);

G_END_DECLS
