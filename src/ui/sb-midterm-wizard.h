/* sb-midterm-wizard.h: the mid-term report, step by step (Art. 19)
 */
#pragma once

#include <adwaita.h>

#include "sb-profile.h"
#include "sb-programme.h"

G_BEGIN_DECLS

#define SB_TYPE_MIDTERM_WIZARD (sb_midterm_wizard_get_type ())
G_DECLARE_FINAL_TYPE (SbMidtermWizard, sb_midterm_wizard, SB, MIDTERM_WIZARD, AdwWindow)

SbMidtermWizard *sb_midterm_wizard_new          (GtkWindow       *parent,
                                                 SbProgramme     *programme,
                                                 gint64           base_id,
                                                 const char      *base_name,
                                                 const SbProfile *profile,
                                                 const GDate     *today,
                                                 GError         **error);
gboolean         sb_midterm_wizard_add_document (SbMidtermWizard *self,
                                                 const char      *path,
                                                 GError         **error);
gboolean         sb_midterm_wizard_submit       (SbMidtermWizard *self,
                                                 GError         **error);

G_END_DECLS
