/* sb-formal-review-dialog.c: the technical institution's formal review (Art. 14)
 *
 * The checklist of sb-formal-review.c with a check box per item, ticked as
 * found.  Passing needs every item accepted; returning needs one not
 * accepted, and its reason lists them.  Either is recorded as a life-cycle
 * step by the current profile.
 */
#define G_LOG_DOMAIN "sb-formal-review-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-formal-review.h"
#include "sb-formal-review-dialog.h"
#include "sb-lifecycle.h"

struct _SbFormalReviewDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *checklist_group;
  AdwEntryRow         *remarks_row;
  GtkLabel            *error_label;
  GtkButton           *pass_button;
  GtkButton           *return_button;

  SbProgramme         *programme;
  gint64               base_id;
  SbProfile           *profile;
  GDate                today;
  GPtrArray           *items;    /* SbChecklistItem */
  GPtrArray           *checks;   /* GtkCheckButton, one per item */
};

G_DEFINE_FINAL_TYPE (SbFormalReviewDialog, sb_formal_review_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean *
accepted_items (SbFormalReviewDialog *self,
                guint                *n_accepted)
{
  gboolean *accepted = g_new0 (gboolean, self->checks->len + 1);

  *n_accepted = 0;
  for (guint i = 0; i < self->checks->len; i++)
    if ((accepted[i] = gtk_check_button_get_active (g_ptr_array_index (self->checks, i))))
      (*n_accepted)++;

  return accepted;
}

static void
update_buttons (SbFormalReviewDialog *self)
{
  guint n_accepted;
  g_autofree gboolean *accepted = accepted_items (self, &n_accepted);

  gtk_widget_set_sensitive (GTK_WIDGET (self->pass_button),
                            self->checks->len > 0 && n_accepted == self->checks->len);
  gtk_widget_set_sensitive (GTK_WIDGET (self->return_button), n_accepted < self->checks->len);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
record (SbFormalReviewDialog *self,
        SbAction              action,
        const char           *note)
{
  g_autoptr(GError) error = NULL;
  SbTransitionRequest request;

  sb_transition_request_init (&request, action, self->profile->role, &self->today);
  request.actor = self->profile->name;
  request.note = note;

  if (!sb_base_store_perform (sb_programme_get_store (self->programme), self->base_id,
                              &request, &self->today, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[RECORDED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pass_clicked_cb (SbFormalReviewDialog *self)
{
  record (self, SB_ACTION_PASS_FORMAL_REVIEW,
          gtk_editable_get_text (GTK_EDITABLE (self->remarks_row)));
}

static void
return_clicked_cb (SbFormalReviewDialog *self)
{
  guint n_accepted;
  g_autofree gboolean *accepted = accepted_items (self, &n_accepted);
  g_autofree char *note =
    sb_formal_review_describe_missing (self->items, accepted,
                                       gtk_editable_get_text (GTK_EDITABLE (self->remarks_row)));

  if (note != NULL)
    record (self, SB_ACTION_RETURN, note);
}

static void
sb_formal_review_dialog_dispose (GObject *object)
{
  SbFormalReviewDialog *self = (SbFormalReviewDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_FORMAL_REVIEW_DIALOG);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->profile, sb_profile_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_formal_review_dialog_parent_class)->dispose (object);
}

static void
sb_formal_review_dialog_class_init (SbFormalReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_formal_review_dialog_dispose;

  /**
   * SbFormalReviewDialog::recorded:
   *
   * The base passed or was returned.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-formal-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbFormalReviewDialog, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, SbFormalReviewDialog, remarks_row);
  gtk_widget_class_bind_template_child (widget_class, SbFormalReviewDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SbFormalReviewDialog, pass_button);
  gtk_widget_class_bind_template_child (widget_class, SbFormalReviewDialog, return_button);
  gtk_widget_class_bind_template_callback (widget_class, pass_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, return_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_formal_review_dialog_init (SbFormalReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_ptr_array_new ();
}

SbFormalReviewDialog *
sb_formal_review_dialog_new (GtkWindow       *parent,
                             SbProgramme     *programme,
                             SbBase          *base,
                             const SbProfile *profile,
                             const GDate     *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  SbFormalReviewDialog *self;

  g_return_val_if_fail (SB_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (SB_IS_BASE (base), NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  self = g_object_new (SB_TYPE_FORMAL_REVIEW_DIALOG, "transient-for", parent, NULL);
  self->programme = g_object_ref (programme);
  self->base_id = sb_base_get_id (base);
  self->profile = sb_profile_copy (profile);
  self->today = *today;

  name = sb_base_dup_name (base);
  adw_preferences_group_set_title (self->checklist_group, name);

  self->items = sb_formal_review_check (sb_programme_get_database (programme), self->base_id, &error);
  if (self->items == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      self->items = g_ptr_array_new ();
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const SbChecklistItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->finding);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->satisfied);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      item->label, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_buttons), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->checklist_group, row);
      g_ptr_array_add (self->checks, check);
    }
  update_buttons (self);

  return self;
}
