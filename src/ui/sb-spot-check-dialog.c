/* sb-spot-check-dialog.c: record a spot check of a base (Art. 37)
 *
 * The date, the method (on site or by the documents), the inspector and
 * the findings; the core refuses a check without findings, in words, and
 * what was typed stays.
 */
#define G_LOG_DOMAIN "sb-spot-check-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-date.h"
#include "sb-notice.h"
#include "sb-spot-check-dialog.h"

struct _SbSpotCheckDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *check_group;
  AdwEntryRow         *date_row;
  AdwComboRow         *method_row;
  AdwEntryRow         *inspector_row;
  AdwEntryRow         *findings_row;
  GtkLabel            *error_label;

  SbDatabase          *database;
  gint64               base_id;
};

G_DEFINE_FINAL_TYPE (SbSpotCheckDialog, sb_spot_check_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
record_clicked_cb (SbSpotCheckDialog *self)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!sb_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date, &error)
      || sb_spot_check_record (self->database, self->base_id, &date,
                               adw_combo_row_get_selected (self->method_row) == 1
                               ? SB_SPOT_CHECK_DOCUMENTS : SB_SPOT_CHECK_ON_SITE,
                               gtk_editable_get_text (GTK_EDITABLE (self->inspector_row)),
                               gtk_editable_get_text (GTK_EDITABLE (self->findings_row)),
                               &error) == 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[RECORDED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sb_spot_check_dialog_dispose (GObject *object)
{
  SbSpotCheckDialog *self = (SbSpotCheckDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_SPOT_CHECK_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sb_spot_check_dialog_parent_class)->dispose (object);
}

static void
sb_spot_check_dialog_class_init (SbSpotCheckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_spot_check_dialog_dispose;

  /**
   * SbSpotCheckDialog::recorded:
   *
   * The spot check was recorded.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-spot-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbSpotCheckDialog, check_group);
  gtk_widget_class_bind_template_child (widget_class, SbSpotCheckDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SbSpotCheckDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, SbSpotCheckDialog, inspector_row);
  gtk_widget_class_bind_template_child (widget_class, SbSpotCheckDialog, findings_row);
  gtk_widget_class_bind_template_child (widget_class, SbSpotCheckDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_spot_check_dialog_init (SbSpotCheckDialog *self)
{
  g_autoptr(GtkStringList) methods = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In SbSpotCheckMethod order. */
  methods = gtk_string_list_new (NULL);
  gtk_string_list_append (methods, sb_spot_check_method_get_label (SB_SPOT_CHECK_ON_SITE));
  gtk_string_list_append (methods, sb_spot_check_method_get_label (SB_SPOT_CHECK_DOCUMENTS));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
}

SbSpotCheckDialog *
sb_spot_check_dialog_new (GtkWindow   *parent,
                          SbDatabase  *database,
                          gint64       base_id,
                          const char  *base_name,
                          const char  *inspector,
                          const GDate *today)
{
  g_autofree char *date = NULL;
  SbSpotCheckDialog *self;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  self = g_object_new (SB_TYPE_SPOT_CHECK_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->base_id = base_id;

  adw_preferences_group_set_title (self->check_group, base_name);
  date = sb_date_format (today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->inspector_row), inspector ? inspector : "");

  return self;
}
