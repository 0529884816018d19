/* sb-base-state.c: the states of a base's life cycle, its phases, and roles
 */
#define G_LOG_DOMAIN "sb-base-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-base-state.h"

typedef struct
{
  const char *id;     /* as stored in the database and used by the CLI */
  const char *label;  /* translated at use */
} Name;

static const Name state_names[SB_N_BASE_STATES] = {
  [SB_BASE_STATE_DRAFT] = { "draft", N_("Draft") },
  [SB_BASE_STATE_SUBMITTED] = { "submitted", N_("Awaiting recommendation") },
  [SB_BASE_STATE_RETURNED] = { "returned", N_("Returned for correction") },
  [SB_BASE_STATE_RECOMMENDED] = { "recommended", N_("Awaiting formal review") },
  [SB_BASE_STATE_FORMALLY_REVIEWED] = { "formally-reviewed", N_("Awaiting expert review") },
  [SB_BASE_STATE_EXPERT_REVIEWED] = { "expert-reviewed", N_("Awaiting decision") },
  [SB_BASE_STATE_REJECTED] = { "rejected", N_("Not approved") },
  [SB_BASE_STATE_PREPARING] = { "preparing", N_("Preparing, plan due") },
  [SB_BASE_STATE_CONSTRUCTING] = { "constructing", N_("Under construction") },
  [SB_BASE_STATE_EXTENSION_REQUESTED] = { "extension-requested", N_("Extension requested") },
  [SB_BASE_STATE_EXTENDED] = { "extended", N_("Extended") },
  [SB_BASE_STATE_ACCEPTANCE_REQUESTED] = { "acceptance-requested", N_("Awaiting acceptance") },
  [SB_BASE_STATE_RECTIFYING] = { "rectifying", N_("Rectifying after failed acceptance") },
  [SB_BASE_STATE_ESTABLISHED] = { "established", N_("Established") },
  [SB_BASE_STATE_ASSESSMENT_RECTIFYING] = { "assessment-rectifying", N_("Rectifying after assessment") },
  [SB_BASE_STATE_REVOKED] = { "revoked", N_("Revoked") },
};

static const SbPhase state_phases[SB_N_BASE_STATES] = {
  [SB_BASE_STATE_DRAFT] = SB_PHASE_APPLYING,
  [SB_BASE_STATE_SUBMITTED] = SB_PHASE_APPLYING,
  [SB_BASE_STATE_RETURNED] = SB_PHASE_APPLYING,
  [SB_BASE_STATE_RECOMMENDED] = SB_PHASE_APPLYING,
  [SB_BASE_STATE_FORMALLY_REVIEWED] = SB_PHASE_APPLYING,
  [SB_BASE_STATE_EXPERT_REVIEWED] = SB_PHASE_APPLYING,
  [SB_BASE_STATE_REJECTED] = SB_PHASE_REJECTED,
  [SB_BASE_STATE_PREPARING] = SB_PHASE_PREPARING,
  [SB_BASE_STATE_CONSTRUCTING] = SB_PHASE_CONSTRUCTING,
  [SB_BASE_STATE_EXTENSION_REQUESTED] = SB_PHASE_CONSTRUCTING,
  [SB_BASE_STATE_EXTENDED] = SB_PHASE_CONSTRUCTING,
  [SB_BASE_STATE_ACCEPTANCE_REQUESTED] = SB_PHASE_CONSTRUCTING,
  [SB_BASE_STATE_RECTIFYING] = SB_PHASE_CONSTRUCTING,
  [SB_BASE_STATE_ESTABLISHED] = SB_PHASE_ESTABLISHED,
  [SB_BASE_STATE_ASSESSMENT_RECTIFYING] = SB_PHASE_ESTABLISHED,
  [SB_BASE_STATE_REVOKED] = SB_PHASE_REVOKED,
};

static const Name phases[SB_N_PHASES] = {
  [SB_PHASE_APPLYING] = { "applying", N_("Applying") },
  [SB_PHASE_PREPARING] = { "preparing", N_("Preparing") },
  [SB_PHASE_CONSTRUCTING] = { "constructing", N_("Under construction") },
  [SB_PHASE_ESTABLISHED] = { "established", N_("Established") },
  [SB_PHASE_REVOKED] = { "revoked", N_("Revoked") },
  [SB_PHASE_REJECTED] = { "rejected", N_("Not approved") },
};

static const Name roles[SB_N_ROLES] = {
  [SB_ROLE_APPLICANT] = { "applicant", N_("Applicant unit") },
  [SB_ROLE_RECOMMENDER] = { "recommender", N_("Recommending department") },
  [SB_ROLE_TECHNICAL_INSTITUTION] = { "technical-institution", N_("Provincial standardisation technical institution") },
  [SB_ROLE_EXPERT] = { "expert", N_("Expert panel") },
  [SB_ROLE_AUTHORITY] = { "authority", N_("Provincial standardisation authority") },
};

/* Ids are ASCII and few: a linear search is the simplest correct lookup. */
static gboolean
find_id (const Name *names,
         guint       n_names,
         const char *text,
         guint      *index)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (text, names[i].id) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sb_base_state_to_string (SbBaseState state)
{
  g_return_val_if_fail (state < SB_N_BASE_STATES, NULL);

  return state_names[state].id;
}

gboolean
sb_base_state_from_string (const char  *text,
                           SbBaseState *state)
{
  guint index;

  if (!find_id (state_names, SB_N_BASE_STATES, text, &index))
    return FALSE;

  *state = index;
  return TRUE;
}

const char *
sb_base_state_get_label (SbBaseState state)
{
  g_return_val_if_fail (state < SB_N_BASE_STATES, NULL);

  return _(state_names[state].label);
}

SbPhase
sb_base_state_get_phase (SbBaseState state)
{
  g_return_val_if_fail (state < SB_N_BASE_STATES, SB_PHASE_APPLYING);

  return state_phases[state];
}

/* Art. 18: from approval until acceptance the base works under its name
 * with （筹）.
 */
gboolean
sb_base_state_is_preparatory (SbBaseState state)
{
  SbPhase phase = sb_base_state_get_phase (state);

  return phase == SB_PHASE_PREPARING || phase == SB_PHASE_CONSTRUCTING;
}

const char *
sb_phase_to_string (SbPhase phase)
{
  g_return_val_if_fail (phase < SB_N_PHASES, NULL);

  return phases[phase].id;
}

gboolean
sb_phase_from_string (const char *text,
                      SbPhase    *phase)
{
  guint index;

  if (!find_id (phases, SB_N_PHASES, text, &index))
    return FALSE;

  *phase = index;
  return TRUE;
}

const char *
sb_phase_get_label (SbPhase phase)
{
  g_return_val_if_fail (phase < SB_N_PHASES, NULL);

  return _(phases[phase].label);
}

const char *
sb_role_to_string (SbRole role)
{
  g_return_val_if_fail (role < SB_N_ROLES, NULL);

  return roles[role].id;
}

gboolean
sb_role_from_string (const char *text,
                     SbRole     *role)
{
  guint index;

  if (!find_id (roles, SB_N_ROLES, text, &index))
    return FALSE;

  *role = index;
  return TRUE;
}

const char *
sb_role_get_label (SbRole role)
{
  g_return_val_if_fail (role < SB_N_ROLES, NULL);

  return _(roles[role].label);
}
