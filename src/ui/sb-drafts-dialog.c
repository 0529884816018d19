/* sb-drafts-dialog.c: the application drafts, to continue or delete
 *
 * Lists every unsubmitted application, newest first, with when it was
 * last changed; ::open asks the owner to open one (or, with 0, a new
 * application).  Deleting asks first: a draft deleted is gone.
 */
#define G_LOG_DOMAIN "sb-drafts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-draft.h"
#include "sb-drafts-dialog.h"

struct _SbDraftsDialog
{
  AdwWindow   parent_instance;

  GtkListBox *list;
  GtkButton  *new_button;

  SbDatabase *database;
  guint       n_drafts;
};

G_DEFINE_FINAL_TYPE (SbDraftsDialog, sb_drafts_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill (SbDraftsDialog *self);

static char *
format_updated (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");

  /* Translators: %s is a date and time */
  return g_strdup_printf (_("Last changed %s"), when);
}

static void
open_clicked (GtkButton      *button,
              SbDraftsDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "sb-id"));

  g_signal_emit (self, signals[SIGNAL_OPEN], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 SbDraftsDialog   *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "sb-id"));

  if (g_strcmp0 (response, "delete") == 0)
    sb_drafts_dialog_delete_draft (self, id);
}

static void
delete_clicked (GtkButton      *button,
                SbDraftsDialog *self)
{
  GtkWidget *dialog;
  const char *title = g_object_get_data (G_OBJECT (button), "sb-title");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Draft?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and everything entered in it will be deleted. This cannot be undone."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sb-id", g_object_get_data (G_OBJECT (button), "sb-id"));
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_clicked_cb (SbDraftsDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN], 0, (gint64) 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill (SbDraftsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = sb_draft_list (self->database, SB_DRAFT_KIND_APPLICATION, 0, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  self->n_drafts = drafts != NULL ? drafts->len : 0;
  if (drafts == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = g_markup_escape_text (error->message, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (self->list, row);
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      SbDraftInfo *info = g_ptr_array_index (drafts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (info->title[0] != '\0' ? info->title : _("Untitled application"), -1);
      g_autofree char *subtitle = format_updated (info->updated_at);
      GtkWidget *button;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_tooltip_text (button, _("Delete the draft"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete the draft"), -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "sb-id", GSIZE_TO_POINTER ((gsize) info->id));
      g_object_set_data_full (G_OBJECT (button), "sb-title", g_strdup (info->title[0] != '\0' ? info->title : _("Untitled application")), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      button = gtk_button_new_with_mnemonic (_("_Continue"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "sb-id", GSIZE_TO_POINTER ((gsize) info->id));
      g_signal_connect (button, "clicked", G_CALLBACK (open_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), drafts->len > 0);
}

static void
sb_drafts_dialog_dispose (GObject *object)
{
  SbDraftsDialog *self = SB_DRAFTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_DRAFTS_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sb_drafts_dialog_parent_class)->dispose (object);
}

static void
sb_drafts_dialog_class_init (SbDraftsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_drafts_dialog_dispose;

  /**
   * SbDraftsDialog::open:
   * @draft_id: the draft to continue, or 0 for a new application
   */
  signals[SIGNAL_OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-drafts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDraftsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, SbDraftsDialog, new_button);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_drafts_dialog_init (SbDraftsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SbDraftsDialog *
sb_drafts_dialog_new (GtkWindow  *parent,
                      SbDatabase *database)
{
  SbDraftsDialog *self;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  self = g_object_new (SB_TYPE_DRAFTS_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  fill (self);

  return self;
}

guint
sb_drafts_dialog_get_n_drafts (SbDraftsDialog *self)
{
  g_return_val_if_fail (SB_IS_DRAFTS_DIALOG (self), 0);

  return self->n_drafts;
}

/* Deletes without asking: the confirmation has been given. */
void
sb_drafts_dialog_delete_draft (SbDraftsDialog *self,
                               gint64          draft_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SB_IS_DRAFTS_DIALOG (self));

  if (!sb_draft_delete (self->database, draft_id, &error))
    g_warning ("The draft could not be deleted: %s", error->message);
  fill (self);
}
