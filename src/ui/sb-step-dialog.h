/* sb-step-dialog.h: record one life-cycle step of a base
 */
#pragma once

#include <adwaita.h>

#include "sb-base.h"
#include "sb-lifecycle.h"
#include "sb-profile.h"
#include "sb-programme.h"

G_BEGIN_DECLS

#define SB_TYPE_STEP_DIALOG (sb_step_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbStepDialog, sb_step_dialog, SB, STEP_DIALOG, AdwWindow)

SbStepDialog *sb_step_dialog_new (GtkWindow       *parent,
                                  SbProgramme     *programme,
                                  SbBase          *base,
                                  SbAction         action,
                                  const SbProfile *profile,
                                  const GDate     *today);
gboolean      sb_step_dialog_set_report (SbStepDialog  *self,
                                         const char    *path,
                                         GError       **error);
void          sb_step_dialog_set_figure (SbStepDialog *self,
                                         guint         index,
                                         int           value);

G_END_DECLS
