/* sb-panel-dialog.c: the authority forms a review panel from the expert pool
 *
 * Every expert of the pool with a check box; one the core refuses for a
 * conflict of interest is shown, unticked and insensitive, with the reason.
 */
#define G_LOG_DOMAIN "sb-panel-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-lifecycle.h"
#include "sb-panel-dialog.h"

struct _SbPanelDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *experts_group;
  GtkButton           *form_button;
  GtkLabel            *error_label;

  SbDatabase          *database;
  gint64               base_id;
  SbPanelKind          kind;
  GDate                today;
  GPtrArray           *experts;   /* SbExpert */
  GPtrArray           *checks;    /* GtkCheckButton, one per expert */
};

G_DEFINE_FINAL_TYPE (SbPanelDialog, sb_panel_dialog, ADW_TYPE_WINDOW)

enum {
  FORMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GArray *
chosen_experts (SbPanelDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (ids, ((SbExpert *) g_ptr_array_index (self->experts, i))->id);

  return ids;
}

static void
check_toggled_cb (SbPanelDialog *self)
{
  g_autoptr(GArray) ids = chosen_experts (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->form_button), ids->len >= 3);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
form_clicked_cb (SbPanelDialog *self)
{
  g_autoptr(GArray) ids = chosen_experts (self);
  g_autoptr(GError) error = NULL;

  if (sb_panel_form (self->database, self->base_id, self->kind, &self->today,
                     (const gint64 *) ids->data, ids->len, &error) == 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[FORMED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sb_panel_dialog_dispose (GObject *object)
{
  SbPanelDialog *self = (SbPanelDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PANEL_DIALOG);
  g_clear_object (&self->database);
  g_clear_pointer (&self->experts, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_panel_dialog_parent_class)->dispose (object);
}

static void
sb_panel_dialog_class_init (SbPanelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_panel_dialog_dispose;

  /**
   * SbPanelDialog::formed:
   *
   * The panel was formed.
   */
  signals[FORMED] = g_signal_new ("formed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-panel-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPanelDialog, experts_group);
  gtk_widget_class_bind_template_child (widget_class, SbPanelDialog, form_button);
  gtk_widget_class_bind_template_child (widget_class, SbPanelDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, form_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_panel_dialog_init (SbPanelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_ptr_array_new ();
}

SbPanelDialog *
sb_panel_dialog_new (GtkWindow   *parent,
                     SbDatabase  *database,
                     gint64       base_id,
                     const char  *base_name,
                     SbPanelKind  kind,
                     const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *article = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  SbPanelDialog *self;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  self = g_object_new (SB_TYPE_PANEL_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->base_id = base_id;
  self->kind = kind;
  self->today = *today;

  article = sb_article_format (sb_panel_kind_get_article (kind));
  /* The base as the title, which may be long; the review and the rule below. */
  title = g_strdup_printf (C_("review and its article", "%s (%s)"),
                           sb_panel_kind_get_label (kind), article);
  description = g_strdup_printf ("%s\n%s", title,
                                 _("Choose at least three experts. An expert who works for the lead unit or a co-applicant cannot review this base."));
  adw_preferences_group_set_title (self->experts_group, base_name);
  adw_preferences_group_set_description (self->experts_group, description);

  self->experts = sb_expert_list (database, &error);
  if (self->experts == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      self->experts = g_ptr_array_new ();
      return self;
    }

  for (guint i = 0; i < self->experts->len; i++)
    {
      const SbExpert *expert = g_ptr_array_index (self->experts, i);
      g_autoptr(GError) conflict = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;

      subtitle = expert->organisation_name
                 ? g_strdup_printf ("%s · %s", expert->title, expert->organisation_name)
                 : g_strdup (expert->title);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), expert->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (!sb_panel_check_expert (database, base_id, expert->id, &conflict))
        {
          g_free (subtitle);
          subtitle = g_strdup (conflict->message);
          gtk_widget_set_sensitive (row, FALSE);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      expert->name, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->experts_group, row);
      g_ptr_array_add (self->checks, check);
    }

  if (self->experts->len == 0)
    {
      gtk_label_set_label (self->error_label, _("The expert pool is empty."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }

  return self;
}
