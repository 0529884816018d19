/* sb-base-store.h: reading and changing the bases of a programme
 */
#pragma once

#include <glib-object.h>

#include "sb-base.h"
#include "sb-calendar.h"
#include "sb-database.h"
#include "sb-deadlines.h"
#include "sb-lifecycle.h"

G_BEGIN_DECLS

#define SB_BASE_STORE_ERROR (sb_base_store_error_quark ())

typedef enum
{
  SB_BASE_STORE_ERROR_NOT_FOUND,
  SB_BASE_STORE_ERROR_INVALID,
} SbBaseStoreError;

typedef struct
{
  const char *name;
  const char *credit_code;
  const char *kind;          /* "enterprise" or "institution" */
  gboolean    legal_person;
  const char *address;
  const char *contact_name;
  const char *contact_phone;
  const char *contact_email;
} SbOrganisationInput;

typedef struct
{
  const char *domain_code;   /* NULL: any */
  const char *state;         /* a state or a phase id; NULL: any */
  const char *city_code;
  const char *tag_code;
} SbBaseFilter;

typedef struct
{
  int standards[5];          /* by SbStandardLevel */
  int proposals;
  int awards_applied;
  int awards_won;
  int entrusted_tasks;
  int smes_served;
  int training_sessions;
  int people_trained;
  int open_days;
  int international_roles;
  int patents;
} SbAnnualFigures;

typedef struct
{
  gint64  id;
  char   *action;
  char   *from_state;
  char   *to_state;
  char   *date;
  char   *role;
  char   *actor;
  char   *note;
} SbTransitionRecord;

#define SB_TYPE_BASE_STORE (sb_base_store_get_type ())
G_DECLARE_FINAL_TYPE (SbBaseStore, sb_base_store, SB, BASE_STORE, GObject)

GQuark        sb_base_store_error_quark        (void);

SbBaseStore  *sb_base_store_new                (SbDatabase                 *database,
                                                SbCalendar                 *calendar);
SbDatabase   *sb_base_store_get_database       (SbBaseStore                *self);
SbCalendar   *sb_base_store_get_calendar       (SbBaseStore                *self);
const SbDeadlineRules *sb_base_store_get_rules (SbBaseStore                *self);

GPtrArray    *sb_base_store_list               (SbBaseStore                *self,
                                                const SbBaseFilter         *filter,
                                                const GDate                *today,
                                                GError                    **error);
gboolean      sb_base_store_read_search_data   (SbBaseStore                *self,
                                                GPtrArray                  *bases,
                                                GError                    **error);
SbBase       *sb_base_store_load               (SbBaseStore                *self,
                                                gint64                      id,
                                                const GDate                *today,
                                                GError                    **error);
gboolean      sb_base_store_read_facts         (SbBaseStore                *self,
                                                gint64                      id,
                                                SbBaseFacts                *facts,
                                                GError                    **error);
GArray       *sb_base_store_list_deadlines     (SbBaseStore                *self,
                                                SbBase                     *base,
                                                const GDate                *today);
GPtrArray    *sb_base_store_list_transitions   (SbBaseStore                *self,
                                                gint64                      id,
                                                GError                    **error);
gboolean      sb_base_store_has_domain         (SbBaseStore                *self,
                                                const char                 *code);

gint64        sb_base_store_add_organisation   (SbBaseStore                *self,
                                                const SbOrganisationInput  *input,
                                                GError                    **error);
gint64        sb_base_store_find_recommender   (SbBaseStore                *self,
                                                const char                 *city_code,
                                                int                         index);
gint64        sb_base_store_create_base        (SbBaseStore                *self,
                                                const char                 *short_name,
                                                const char                 *short_name_en,
                                                const char                 *domain_code,
                                                gint64                      lead_unit_id,
                                                gint64                      recommender_id,
                                                const char                 *city_code,
                                                const GDate                *created,
                                                GError                    **error);
gboolean      sb_base_store_add_tag            (SbBaseStore                *self,
                                                gint64                      base_id,
                                                const char                 *tag_code,
                                                GError                    **error);
gboolean      sb_base_store_add_unit           (SbBaseStore                *self,
                                                gint64                      base_id,
                                                gint64                      organisation_id,
                                                const char                 *role,
                                                GError                    **error);
gboolean      sb_base_store_set_condition      (SbBaseStore                *self,
                                                gint64                      base_id,
                                                int                         condition,
                                                const char                 *statement,
                                                GError                    **error);
gboolean      sb_base_store_add_standard       (SbBaseStore                *self,
                                                gint64                      base_id,
                                                const char                 *designation,
                                                const char                 *title,
                                                const char                 *role,
                                                const char                 *source,
                                                GError                    **error);
gboolean      sb_base_store_set_annual_figures (SbBaseStore                *self,
                                                gint64                      base_id,
                                                int                         year,
                                                const SbAnnualFigures      *figures,
                                                GError                    **error);
gboolean      sb_base_store_set_annual_report_document (SbBaseStore        *self,
                                                gint64                      base_id,
                                                int                         year,
                                                gint64                      document_id,
                                                GError                    **error);
gboolean      sb_base_store_set_assessment_scores (SbBaseStore             *self,
                                                gint64                      base_id,
                                                int                         year,
                                                double                      service,
                                                double                      team,
                                                double                      cooperation,
                                                GError                    **error);

gboolean      sb_base_store_perform            (SbBaseStore                *self,
                                                gint64                      base_id,
                                                const SbTransitionRequest  *request,
                                                const GDate                *today,
                                                GError                    **error);

void          sb_transition_record_free        (SbTransitionRecord         *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTransitionRecord, sb_transition_record_free)

G_END_DECLS
