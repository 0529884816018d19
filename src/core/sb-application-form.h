/* sb-application-form.h: the application (申报书) as a form, Art. 11–13
 *
 * The form is a set of text fields by key, as a draft keeps them; what is
 * valid, what each step's state is and what the names will be are pure
 * functions of those values, tested without a display.
 *
 * Keys: lead.name, lead.code, lead.kind ("enterprise", "institution"),
 * lead.legal ("1" an independent legal person), lead.address,
 * lead.contact, lead.phone, lead.email; co.count and co.N.* with the same
 * suffixes for each co-applicant (Art. 12); domain, tags (codes joined by
 * commas), short_zh, short_en; cond.N.statement and cond.N.docs (document
 * ids joined by commas) for the five conditions of Art. 11; std.count and
 * std.N.designation, std.N.title, std.N.role ("led", "participated") for
 * the standards of condition (3); research, service; recommender (an
 * organisation id), recommendation; attachments (document ids).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SB_APPLICATION_STEP_LEAD,
  SB_APPLICATION_STEP_CO_APPLICANTS,
  SB_APPLICATION_STEP_NAMES,
  SB_APPLICATION_STEP_CONDITIONS,
  SB_APPLICATION_STEP_STANDARDS,
  SB_APPLICATION_STEP_CAPABILITY,
  SB_APPLICATION_STEP_RECOMMENDER,
  SB_APPLICATION_STEP_ATTACHMENTS,
  SB_APPLICATION_STEP_SUMMARY,
  SB_N_APPLICATION_STEPS
} SbApplicationStep;

typedef enum
{
  SB_STEP_STATE_NOT_STARTED,
  SB_STEP_STATE_INCOMPLETE,
  SB_STEP_STATE_COMPLETE,
  SB_STEP_STATE_ERRORS,
} SbStepState;

#define SB_APPLICATION_CONDITIONS 5

typedef struct
{
  char     *key;
  char     *message;
  gboolean  missing;   /* a required field left empty, not a wrong value */
} SbFieldError;

const char  *sb_step_state_get_label            (SbStepState        state);

const char  *sb_application_step_get_title      (SbApplicationStep  step);
const char  *sb_application_condition_get_text  (int                condition);

/* Reading the form's values. */
const char  *sb_form_get                        (GHashTable        *values,
                                                 const char        *key);
const char  *sb_form_get_indexed                (GHashTable        *values,
                                                 const char        *prefix,
                                                 guint              index,
                                                 const char        *suffix);
guint        sb_form_get_count                  (GHashTable        *values,
                                                 const char        *key);
gboolean     sb_form_is_blank                   (const char        *text);
GArray      *sb_form_get_ids                    (GHashTable        *values,
                                                 const char        *key);

GPtrArray   *sb_application_form_check_step     (GHashTable        *values,
                                                 SbApplicationStep  step);
GPtrArray   *sb_application_form_check          (GHashTable        *values);
SbStepState  sb_application_form_get_step_state (GHashTable        *values,
                                                 SbApplicationStep  step);
const SbFieldError *sb_field_errors_find        (GPtrArray         *errors,
                                                 const char        *key);
char        *sb_application_form_dup_title      (GHashTable        *values);

/* The names the base would carry (Art. 18, 22); NULL while unnamed. */
typedef struct
{
  char *preparatory_zh;
  char *established_zh;
  char *preparatory_en;
  char *established_en;
} SbApplicationNames;

void         sb_application_form_get_names      (GHashTable        *values,
                                                 SbApplicationNames *names);
void         sb_application_names_clear         (SbApplicationNames *names);

void         sb_field_error_free                (SbFieldError      *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbFieldError, sb_field_error_free)

G_END_DECLS
