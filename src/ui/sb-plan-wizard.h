/* sb-plan-wizard.h: the construction plan (建设方案) in steps, Art. 16
 */
#pragma once

#include <adwaita.h>

#include "sb-programme.h"
#include "sb-wizard.h"
#include "sb-wizard-form.h"

G_BEGIN_DECLS

#define SB_TYPE_PLAN_WIZARD (sb_plan_wizard_get_type ())
G_DECLARE_FINAL_TYPE (SbPlanWizard, sb_plan_wizard, SB, PLAN_WIZARD, AdwWindow)

SbPlanWizard *sb_plan_wizard_new          (SbProgramme   *programme,
                                           gint64         base_id,
                                           const GDate   *today,
                                           GError       **error);
SbWizard     *sb_plan_wizard_get_wizard   (SbPlanWizard  *self);
SbWizardForm *sb_plan_wizard_get_form     (SbPlanWizard  *self);
const char   *sb_plan_wizard_get_deadline_text (SbPlanWizard *self);
gboolean      sb_plan_wizard_is_overdue   (SbPlanWizard  *self);
void          sb_plan_wizard_add_item     (SbPlanWizard  *self,
                                           const char    *list);
gboolean      sb_plan_wizard_submit       (SbPlanWizard  *self,
                                           GError       **error);

G_END_DECLS
