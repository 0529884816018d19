/* sb-wizard.h: a form in steps, with a sidebar of the steps and their state
 */
#pragma once

#include <adwaita.h>

#include "sb-application-form.h"

G_BEGIN_DECLS

#define SB_TYPE_WIZARD (sb_wizard_get_type ())
G_DECLARE_FINAL_TYPE (SbWizard, sb_wizard, SB, WIZARD, GtkWidget)

GtkWidget   *sb_wizard_new              (void);
guint        sb_wizard_add_step         (SbWizard    *self,
                                         const char  *title,
                                         GtkWidget   *page);
guint        sb_wizard_get_n_steps      (SbWizard    *self);
guint        sb_wizard_get_current      (SbWizard    *self);
gboolean     sb_wizard_go_to            (SbWizard    *self,
                                         guint        step);
gboolean     sb_wizard_next             (SbWizard    *self);
void         sb_wizard_set_step_state   (SbWizard    *self,
                                         guint        step,
                                         SbStepState  state);
SbStepState  sb_wizard_get_step_state   (SbWizard    *self,
                                         guint        step);
gboolean     sb_wizard_is_visited       (SbWizard    *self,
                                         guint        step);
void         sb_wizard_set_visited_up_to (SbWizard   *self,
                                         guint        step);
void         sb_wizard_set_saved_text   (SbWizard    *self,
                                         const char  *text);
void         sb_wizard_set_banner       (SbWizard    *self,
                                         GtkWidget   *banner);
void         sb_wizard_scroll_to        (SbWizard    *self,
                                         GtkWidget   *widget);

G_END_DECLS
