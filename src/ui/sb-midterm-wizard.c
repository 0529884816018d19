/* sb-midterm-wizard.c: the mid-term report, step by step (Art. 19)
 *
 * Three steps in the wizard widget: the progress against each yearly
 * milestone of the construction plan; the report itself, a summary and its
 * PDFs (checked by Poppler and copied into the document store as they are
 * chosen); and a summary of what will be submitted.  Submitting records the
 * progress, the documents and the step in one transaction, as the current
 * profile; a refusal is shown in words and nothing typed is lost.
 */
#define G_LOG_DOMAIN "sb-midterm-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-document-store.h"
#include "sb-midterm.h"
#include "sb-midterm-wizard.h"
#include "sb-wizard-form.h"
#include "sb-wizard.h"

enum {
  STEP_PROGRESS,
  STEP_REPORT,
  STEP_SUBMIT,
};

struct _SbMidtermWizard
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  SbWizard        *wizard;

  SbProgramme     *programme;
  gint64           base_id;
  SbProfile       *profile;
  GDate            today;
  GPtrArray       *items;          /* SbMidtermItem */
  GPtrArray       *progress_rows;  /* AdwComboRow, one per item */
  GArray          *documents;      /* gint64 document ids */
  GPtrArray       *document_names; /* as chosen, one per document */
  GPtrArray       *document_rows;  /* (transfer none) AdwActionRow shown */
  AdwEntryRow     *summary_row;
  GtkLabel        *summary_error;
  AdwPreferencesGroup *documents_group;
  GtkLabel        *review_label;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SbMidtermWizard, sb_midterm_wizard, ADW_TYPE_WINDOW)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
new_page (void)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);

  return page;
}

static GtkWidget *
build_progress_page (SbMidtermWizard *self)
{
  GtkWidget *page = new_page ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Progress Against the Plan"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("For each yearly milestone of the construction plan, how far the base has come (Art. 16, 19)"));
  for (guint i = 0; i < self->items->len; i++)
    {
      const SbMidtermItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      g_autofree char *title = g_strdup_printf (_("Year %d: %s"), item->year, item->title);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      for (SbProgress p = 0; p < SB_N_PROGRESS; p++)
        gtk_string_list_append (choices, sb_progress_get_label (p));
      adw_combo_row_set_model (row, G_LIST_MODEL (choices));
      adw_combo_row_set_selected (row, item->progress);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->task);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
      g_ptr_array_add (self->progress_rows, row);
    }
  if (self->items->len == 0)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 sb_wizard_page_intro (_("The base has no construction plan in StdBase, so there are no milestones to report on. Describe the progress in the report.")));
    }
  gtk_box_append (GTK_BOX (page), group);

  return page;
}

static void
show_documents (SbMidtermWizard *self)
{
  for (guint i = 0; i < self->document_rows->len; i++)
    adw_preferences_group_remove (self->documents_group, g_ptr_array_index (self->document_rows, i));
  g_ptr_array_set_size (self->document_rows, 0);

  for (guint i = 0; i < self->document_names->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (self->document_names, i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      adw_preferences_group_add (self->documents_group, row);
      g_ptr_array_add (self->document_rows, row);
    }
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  SbMidtermWizard *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);
          g_autoptr(GError) error = NULL;

          if (path == NULL || !sb_midterm_wizard_add_document (self, path, &error))
            adw_toast_overlay_add_toast (self->toast_overlay,
                                         adw_toast_new (error ? error->message
                                                              : _("Choose a file on this computer.")));
        }
    }

  g_clear_object (&self->chooser);
}

static void
add_document_clicked (SbMidtermWizard *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Add the Report’s PDFs"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkWidget *
build_report_page (SbMidtermWizard *self)
{
  GtkWidget *page = new_page ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add PDFs…"));

  self->summary_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), _("Summary of the work so far (required)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->summary_row));
  self->summary_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_error, 0);
  gtk_label_set_wrap (self->summary_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_error), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->summary_error));
  gtk_box_append (GTK_BOX (page), group);

  self->documents_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->documents_group, _("Report Documents"));
  adw_preferences_group_set_description (self->documents_group,
                                         _("The report and its evidence as PDF; each is checked and copied into the document store"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_document_clicked), self);
  adw_preferences_group_set_header_suffix (self->documents_group, button);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->documents_group));

  return page;
}

static void
submit_clicked (SbMidtermWizard *self)
{
  sb_midterm_wizard_submit (self, NULL);
}

static GtkWidget *
build_submit_page (SbMidtermWizard *self)
{
  GtkWidget *page = new_page ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Submit the Mid-Term Report"));

  self->review_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->review_label, TRUE);
  gtk_label_set_xalign (self->review_label, 0);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->review_label));

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (submit_clicked), self);
  gtk_box_append (GTK_BOX (page), button);

  return page;
}

static const char *
summary_text (SbMidtermWizard *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->summary_row));
}

static void
update_review (SbMidtermWizard *self)
{
  guint counts[SB_N_PROGRESS] = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->progress_rows->len; i++)
    counts[MIN (adw_combo_row_get_selected (g_ptr_array_index (self->progress_rows, i)),
                SB_N_PROGRESS - 1)]++;

  /* Translators: the counts of milestones by progress, then of PDFs */
  text = g_strdup_printf (_("Milestones: %u achieved, %u partly achieved, %u not yet.\nDocuments: %u PDF.\n\n%s"),
                          counts[SB_PROGRESS_ACHIEVED], counts[SB_PROGRESS_PARTLY],
                          counts[SB_PROGRESS_NOT_YET], self->documents->len, summary_text (self));
  gtk_label_set_text (self->review_label, text);
}

static gboolean
summary_missing (SbMidtermWizard *self)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (summary_text (self)));

  return *trimmed == '\0';
}

static gboolean
leave_step_cb (SbMidtermWizard *self,
               guint            step)
{
  if (step == STEP_REPORT && summary_missing (self))
    {
      gtk_label_set_text (self->summary_error, _("Summarise the work so far: the evaluation reads it first."));
      gtk_widget_set_visible (GTK_WIDGET (self->summary_error), TRUE);
      sb_wizard_set_step_state (self->wizard, STEP_REPORT, SB_STEP_STATE_ERRORS);
      gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
      return TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->summary_error), FALSE);
  sb_wizard_set_step_state (self->wizard, step, SB_STEP_STATE_COMPLETE);
  return FALSE;
}

static void
step_changed_cb (SbMidtermWizard *self,
                 guint            step)
{
  if (step == STEP_SUBMIT)
    update_review (self);
}

static void
sb_midterm_wizard_dispose (GObject *object)
{
  SbMidtermWizard *self = (SbMidtermWizard *)object;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_MIDTERM_WIZARD);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->profile, sb_profile_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->progress_rows, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_pointer (&self->document_names, g_ptr_array_unref);
  g_clear_pointer (&self->document_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_midterm_wizard_parent_class)->dispose (object);
}

static void
sb_midterm_wizard_class_init (SbMidtermWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_midterm_wizard_dispose;

  /**
   * SbMidtermWizard::submitted:
   *
   * The report and its step were recorded.
   */
  signals[SUBMITTED] = g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SB_TYPE_WIZARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-midterm-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SbMidtermWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbMidtermWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbMidtermWizard, wizard);
  gtk_widget_class_bind_template_callback (widget_class, leave_step_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_midterm_wizard_init (SbMidtermWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->progress_rows = g_ptr_array_new ();
  self->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->document_names = g_ptr_array_new_with_free_func (g_free);
  self->document_rows = g_ptr_array_new ();
}

/**
 * sb_midterm_wizard_new:
 *
 * Returns: (nullable): the wizard, or %NULL with @error set when the
 *   plan's milestones cannot be read
 */
SbMidtermWizard *
sb_midterm_wizard_new (GtkWindow       *parent,
                       SbProgramme     *programme,
                       gint64           base_id,
                       const char      *base_name,
                       const SbProfile *profile,
                       const GDate     *today,
                       GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  SbMidtermWizard *self;

  g_return_val_if_fail (SB_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  items = sb_midterm_list_items (sb_programme_get_database (programme), base_id, error);
  if (items == NULL)
    return NULL;

  self = g_object_new (SB_TYPE_MIDTERM_WIZARD, "transient-for", parent, NULL);
  self->programme = g_object_ref (programme);
  self->base_id = base_id;
  self->profile = sb_profile_copy (profile);
  self->today = *today;
  self->items = g_steal_pointer (&items);
  adw_window_title_set_subtitle (self->window_title, base_name);

  sb_wizard_add_step (self->wizard, _("Progress"), build_progress_page (self));
  sb_wizard_add_step (self->wizard, _("Report"), build_report_page (self));
  sb_wizard_add_step (self->wizard, _("Summary and Submit"), build_submit_page (self));
  /* Nothing here outlives the window: there is no draft to save. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self->wizard), "wizard.save-draft", FALSE);

  return self;
}

/* Checks @path with Poppler and copies it into the document store. */
gboolean
sb_midterm_wizard_add_document (SbMidtermWizard  *self,
                                const char       *path,
                                GError          **error)
{
  gint64 id;

  g_return_val_if_fail (SB_IS_MIDTERM_WIZARD (self), FALSE);

  id = sb_document_store_import (sb_programme_get_database (self->programme), path,
                                 self->base_id, "midterm-report", error);
  if (id == 0)
    return FALSE;

  /* Shown by the name it was chosen with, not its checksum. */
  g_array_append_val (self->documents, id);
  g_ptr_array_add (self->document_names, g_filename_display_basename (path));
  show_documents (self);

  return TRUE;
}

gboolean
sb_midterm_wizard_submit (SbMidtermWizard  *self,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SB_IS_MIDTERM_WIZARD (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    ((SbMidtermItem *) g_ptr_array_index (self->items, i))->progress =
      MIN (adw_combo_row_get_selected (g_ptr_array_index (self->progress_rows, i)), SB_N_PROGRESS - 1);

  if (!sb_midterm_submit (sb_programme_get_store (self->programme), self->base_id, self->items,
                          summary_text (self), self->documents, self->profile->name,
                          &self->today, &self->today, &local_error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (local_error->message));
      if (error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SUBMITTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
