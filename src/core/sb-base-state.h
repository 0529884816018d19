/* sb-base-state.h: the states of a base's life cycle, its phases, and the
 * roles of the people who move it from one to the next
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SB_BASE_STATE_DRAFT,
  SB_BASE_STATE_SUBMITTED,             /* awaiting recommendation, Art. 13 */
  SB_BASE_STATE_RETURNED,              /* returned for correction */
  SB_BASE_STATE_RECOMMENDED,           /* awaiting formal review, Art. 14 */
  SB_BASE_STATE_FORMALLY_REVIEWED,     /* awaiting the experts, Art. 15 */
  SB_BASE_STATE_EXPERT_REVIEWED,       /* awaiting the authority, Art. 15 */
  SB_BASE_STATE_REJECTED,
  SB_BASE_STATE_PREPARING,             /* approved, plan due, Art. 16 */
  SB_BASE_STATE_CONSTRUCTING,          /* plan submitted, Art. 17–19 */
  SB_BASE_STATE_EXTENSION_REQUESTED,   /* Art. 21 */
  SB_BASE_STATE_EXTENDED,              /* Art. 21 */
  SB_BASE_STATE_ACCEPTANCE_REQUESTED,  /* Art. 20 */
  SB_BASE_STATE_RECTIFYING,            /* failed acceptance, Art. 20 */
  SB_BASE_STATE_ESTABLISHED,           /* Art. 22 */
  SB_BASE_STATE_ASSESSMENT_RECTIFYING, /* failed annual assessment, Art. 38 */
  SB_BASE_STATE_REVOKED,               /* Art. 21, 38 */
  SB_N_BASE_STATES
} SbBaseState;

/* The phases the dashboard counts. */
typedef enum
{
  SB_PHASE_APPLYING,
  SB_PHASE_PREPARING,
  SB_PHASE_CONSTRUCTING,
  SB_PHASE_ESTABLISHED,
  SB_PHASE_REVOKED,
  SB_PHASE_REJECTED,
  SB_N_PHASES
} SbPhase;

typedef enum
{
  SB_ROLE_APPLICANT,             /* 承担单位 */
  SB_ROLE_RECOMMENDER,           /* 省行业主管部门, 市及示范区标准化主管部门 */
  SB_ROLE_TECHNICAL_INSTITUTION, /* 省标准化技术机构 */
  SB_ROLE_EXPERT,                /* 咨评组 */
  SB_ROLE_AUTHORITY,             /* 省标准化主管部门 */
  SB_N_ROLES
} SbRole;

const char *sb_base_state_to_string   (SbBaseState   state);
gboolean    sb_base_state_from_string (const char   *text,
                                       SbBaseState  *state);
const char *sb_base_state_get_label   (SbBaseState   state);
SbPhase     sb_base_state_get_phase   (SbBaseState   state);
gboolean    sb_base_state_is_preparatory (SbBaseState state);

const char *sb_phase_to_string        (SbPhase       phase);
gboolean    sb_phase_from_string      (const char   *text,
                                       SbPhase      *phase);
const char *sb_phase_get_label        (SbPhase       phase);

const char *sb_role_to_string         (SbRole        role);
gboolean    sb_role_from_string       (const char   *text,
                                       SbRole       *role);
const char *sb_role_get_label         (SbRole        role);

G_END_DECLS
