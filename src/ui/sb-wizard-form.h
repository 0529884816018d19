/* sb-wizard-form.h: fields bound to a draft's keys, saved as they change
 */
#pragma once

#include <adwaita.h>

#include "sb-database.h"

G_BEGIN_DECLS

#define SB_WIZARD_SAVE_DELAY_MS    300  /* after the last change */
#define SB_WIZARD_SAVE_MAX_WAIT_MS 600  /* ... or this after the first */

#define SB_TYPE_WIZARD_FORM (sb_wizard_form_get_type ())
G_DECLARE_FINAL_TYPE (SbWizardForm, sb_wizard_form, SB, WIZARD_FORM, GObject)

SbWizardForm *sb_wizard_form_new          (SbDatabase    *database,
                                           gint64         draft_id,
                                           GHashTable    *values);
GHashTable   *sb_wizard_form_get_values   (SbWizardForm  *self);
gint64        sb_wizard_form_get_draft_id (SbWizardForm  *self);
const char   *sb_wizard_form_get          (SbWizardForm  *self,
                                           const char    *key);
void          sb_wizard_form_set          (SbWizardForm  *self,
                                           const char    *key,
                                           const char    *value);
gboolean      sb_wizard_form_has_pending  (SbWizardForm  *self);
void          sb_wizard_form_detach       (SbWizardForm  *self);
gboolean      sb_wizard_form_flush        (SbWizardForm  *self,
                                           GError       **error);
guint         sb_wizard_form_add_item     (SbWizardForm  *self,
                                           const char    *prefix);
void          sb_wizard_form_remove_item  (SbWizardForm  *self,
                                           const char    *prefix,
                                           guint          index);
GtkWidget    *sb_wizard_form_add_button   (SbWizardForm  *self,
                                           const char    *prefix,
                                           const char    *label);
GtkWidget    *sb_wizard_form_item_header  (SbWizardForm  *self,
                                           const char    *prefix,
                                           guint          index,
                                           const char    *title,
                                           const char    *remove_label);

GtkWidget    *sb_wizard_form_entry        (SbWizardForm  *self,
                                           const char    *key,
                                           const char    *label,
                                           const char    *hint);
GtkWidget    *sb_wizard_form_text         (SbWizardForm  *self,
                                           const char    *key,
                                           const char    *label,
                                           const char    *hint);
GtkWidget    *sb_wizard_form_check        (SbWizardForm  *self,
                                           const char    *key,
                                           const char    *label);
GtkWidget    *sb_wizard_form_choice       (SbWizardForm  *self,
                                           const char    *key,
                                           const char    *label,
                                           const char * const *ids,
                                           const char * const *labels);
GtkWidget    *sb_wizard_form_error_label  (SbWizardForm  *self,
                                           const char    *key);
GtkWidget    *sb_wizard_form_get_input    (SbWizardForm  *self,
                                           const char    *key);
GtkWidget    *sb_wizard_form_show_errors  (SbWizardForm  *self,
                                           GPtrArray     *errors,
                                           const char * const *prefixes,
                                           gboolean       show_missing);

/* Pieces the wizards' pages are built of. */
void          sb_wizard_page_clear        (GtkWidget     *box);
GtkWidget    *sb_wizard_page_intro        (const char    *text);
GtkWidget    *sb_wizard_page_heading      (const char    *text);
GtkWidget    *sb_wizard_page_row          (void);
void          sb_wizard_summary_row       (GtkWidget     *group,
                                           const char    *title,
                                           const char    *value,
                                           int            lines);

G_END_DECLS
