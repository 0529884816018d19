/* sb-application-wizard.h: the application (申报书) in steps, Art. 11–13
 */
#pragma once

#include <adwaita.h>

#include "sb-programme.h"
#include "sb-wizard.h"
#include "sb-wizard-form.h"

G_BEGIN_DECLS

#define SB_TYPE_APPLICATION_WIZARD (sb_application_wizard_get_type ())
G_DECLARE_FINAL_TYPE (SbApplicationWizard, sb_application_wizard, SB, APPLICATION_WIZARD, AdwWindow)

SbApplicationWizard *sb_application_wizard_new          (SbProgramme          *programme,
                                                         gint64                draft_id,
                                                         const GDate          *today,
                                                         GError              **error);
SbWizard            *sb_application_wizard_get_wizard   (SbApplicationWizard  *self);
SbWizardForm        *sb_application_wizard_get_form     (SbApplicationWizard  *self);
gint64               sb_application_wizard_get_draft_id (SbApplicationWizard  *self);
gint64               sb_application_wizard_add_document (SbApplicationWizard  *self,
                                                         const char           *list_key,
                                                         const char           *path,
                                                         GError              **error);
void                 sb_application_wizard_import_files (SbApplicationWizard *self,
                                                         const char           *list_key,
                                                         const char * const   *paths);
void                 sb_application_wizard_add_item     (SbApplicationWizard  *self,
                                                         const char           *list);
gint64               sb_application_wizard_submit       (SbApplicationWizard  *self,
                                                         GError              **error);
void                 sb_application_wizard_ask_close    (SbApplicationWizard  *self);

G_END_DECLS
