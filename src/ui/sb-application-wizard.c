/* sb-application-wizard.c: the application (申报书) in steps, Art. 11–13
 *
 * A window around an SbWizard: the lead unit, the co-applicants, the
 * domain and names, the five conditions of Art. 11 with their evidence,
 * the standards of condition (3), capability, the recommender of Art. 13,
 * attachments, and a summary to review, print and submit.  Every field is
 * a key of the draft (sb-application-form.h); the checks are the core's.
 * Lists (co-applicants, standards, documents) are built here from the
 * values, the one part of the form that cannot live in a template.
 */
#define G_LOG_DOMAIN "sb-application-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sb-application-form.h"
#include "sb-application-pdf.h"
#include "sb-application-store.h"
#include "sb-application-wizard.h"
#include "sb-credit-code.h"
#include "sb-document-store.h"
#include "sb-draft.h"
#include "sb-locale.h"
#include "sb-standard-designation.h"
#include "sb-statistics.h"
#include "sb-wizard-print.h"

struct _SbApplicationWizard
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  SbWizard        *wizard;

  SbProgramme     *programme;
  SbDatabase      *database;
  SbWizardForm    *form;
  GHashTable      *values;
  gint64           draft_id;
  GDate            today;
  GtkWidget       *pages[SB_N_APPLICATION_STEPS];
  gboolean         attempted[SB_N_APPLICATION_STEPS];
  GHashTable      *derived;       /* key → the label or row showing what follows from it */
  GArray          *domains;       /* SbReference */
  GArray          *tags;
  GArray          *recommenders;
  GCancellable    *cancellable;
  gboolean         closing;
};

G_DEFINE_FINAL_TYPE (SbApplicationWizard, sb_application_wizard, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_page (SbApplicationWizard *self,
                          SbApplicationStep    step);

/* The keys each step's fields have. */
static const char * const step_prefixes[SB_N_APPLICATION_STEPS][5] = {
  [SB_APPLICATION_STEP_LEAD] = { "lead.", NULL },
  [SB_APPLICATION_STEP_CO_APPLICANTS] = { "co.", NULL },
  [SB_APPLICATION_STEP_NAMES] = { "domain", "tags", "short_", NULL },
  [SB_APPLICATION_STEP_CONDITIONS] = { "cond.", NULL },
  [SB_APPLICATION_STEP_STANDARDS] = { "std.", NULL },
  [SB_APPLICATION_STEP_CAPABILITY] = { "research", "service", NULL },
  [SB_APPLICATION_STEP_RECOMMENDER] = { "recommend", NULL },
  [SB_APPLICATION_STEP_ATTACHMENTS] = { "attachments", NULL },
  [SB_APPLICATION_STEP_SUMMARY] = { NULL },
};

static SbApplicationStep
step_for_key (const char *key)
{
  for (SbApplicationStep step = 0; step < SB_APPLICATION_STEP_SUMMARY; step++)
    for (guint i = 0; step_prefixes[step][i] != NULL; i++)
      if (g_str_has_prefix (key, step_prefixes[step][i]))
        return step;

  return SB_APPLICATION_STEP_SUMMARY;
}

/* The step of a list of items, "co" or "std". */
static SbApplicationStep
step_for_list (const char *list)
{
  g_autofree char *prefix = g_strconcat (list, ".", NULL);

  return step_for_key (prefix);
}

static GtkWidget *
page_new (void)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
}

static char *
item_key (const char *list,
          guint       index,
          const char *suffix)
{
  return g_strdup_printf ("%s.%u.%s", list, index, suffix);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static void
toast (SbApplicationWizard *self,
       const char          *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* Validation */

static void
revalidate (SbApplicationWizard *self,
            SbApplicationStep    step)
{
  g_autoptr(GPtrArray) errors = NULL;

  if (step >= SB_APPLICATION_STEP_SUMMARY)
    {
      sb_wizard_set_step_state (self->wizard, SB_APPLICATION_STEP_SUMMARY,
                                sb_application_form_get_step_state (self->values, SB_APPLICATION_STEP_SUMMARY));
      return;
    }

  errors = sb_application_form_check_step (self->values, step);
  sb_wizard_form_show_errors (self->form, errors, step_prefixes[step], self->attempted[step]);
  sb_wizard_set_step_state (self->wizard, step, sb_application_form_get_step_state (self->values, step));
}

static void
update_derived (SbApplicationWizard *self,
                const char          *key)
{
  GtkLabel *label;

  if (g_str_has_prefix (key, "short_"))
    {
      SbApplicationNames names;
      const char *texts[4];
      const char *ids[] = { "name.preparatory_zh", "name.established_zh", "name.preparatory_en", "name.established_en" };

      sb_application_form_get_names (self->values, &names);
      texts[0] = names.preparatory_zh;
      texts[1] = names.established_zh;
      texts[2] = names.preparatory_en;
      texts[3] = names.established_en;
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          AdwActionRow *row = g_hash_table_lookup (self->derived, ids[i]);
          g_autofree char *escaped = g_markup_escape_text (texts[i] != NULL ? texts[i] : "—", -1);

          if (row != NULL)
            adw_action_row_set_subtitle (row, escaped);
        }
      sb_application_names_clear (&names);
    }
  else if (g_str_has_prefix (key, "std.") && g_str_has_suffix (key, ".designation"))
    {
      g_autoptr(SbStandardDesignation) parsed = NULL;

      if ((label = g_hash_table_lookup (self->derived, key)) == NULL)
        return;
      parsed = sb_standard_designation_parse (sb_form_get (self->values, key), NULL);
      gtk_label_set_label (label, parsed != NULL ? sb_standard_level_get_label (parsed->level) : "");
    }
}

static void
form_changed_cb (SbApplicationWizard *self,
                 const char          *key)
{
  revalidate (self, step_for_key (key));
  revalidate (self, SB_APPLICATION_STEP_SUMMARY);
  update_derived (self, key);
}

static void
form_saved_cb (SbApplicationWizard *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");
  g_autofree char *text = NULL;
  g_autofree char *title = sb_application_form_dup_title (self->values);

  /* Translators: %s is a time of day */
  text = g_strdup_printf (_("Draft saved at %s"), time);
  sb_wizard_set_saved_text (self->wizard, text);
  adw_window_title_set_subtitle (self->window_title, title);
  sb_draft_set_title (self->database, self->draft_id, title,
                      sb_wizard_get_current (self->wizard), NULL);
}

static void
form_save_failed_cb (SbApplicationWizard *self,
                     const char          *message)
{
  g_autofree char *text = g_strdup_printf (_("The draft could not be saved: %s"), message);

  sb_wizard_set_saved_text (self->wizard, text);
  toast (self, text);
}

/* Units: the lead and the co-applicants */

static void
add_unit_fields (SbApplicationWizard *self,
                 GtkWidget           *box,
                 const char          *prefix,
                 gboolean             lead)
{
  static const char * const kinds[] = { "enterprise", "institution", NULL };
  const char *kind_labels[] = { _("Enterprise"), _("Institution"), NULL };
  g_autofree char *name = g_strconcat (prefix, ".name", NULL);
  g_autofree char *code = g_strconcat (prefix, ".code", NULL);
  g_autofree char *kind = g_strconcat (prefix, ".kind", NULL);
  g_autofree char *legal = g_strconcat (prefix, ".legal", NULL);
  g_autofree char *address = g_strconcat (prefix, ".address", NULL);
  g_autofree char *contact = g_strconcat (prefix, ".contact", NULL);
  g_autofree char *phone = g_strconcat (prefix, ".phone", NULL);
  g_autofree char *email = g_strconcat (prefix, ".email", NULL);
  GtkWidget *row;

  gtk_box_append (GTK_BOX (box), sb_wizard_form_entry (self->form, name, _("Registered _name"), NULL));
  gtk_box_append (GTK_BOX (box),
                  sb_wizard_form_entry (self->form, code, _("Unified Social _Credit Code"),
                                        lead ? _("18 characters; registered in Shanxi (14…)") : _("18 characters")));
  row = sb_wizard_page_row ();
  gtk_box_append (GTK_BOX (row), sb_wizard_form_choice (self->form, kind, _("_Kind of unit"), kinds, kind_labels));
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box),
                  sb_wizard_form_check (self->form, legal, _("Has independent _legal-person status")));
  gtk_box_append (GTK_BOX (box), sb_wizard_form_entry (self->form, address, _("_Address"), NULL));
  row = sb_wizard_page_row ();
  gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, contact, _("C_ontact person"), NULL));
  gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, phone, _("_Telephone"), NULL));
  gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, email, _("_E-mail (optional)"), NULL));
  gtk_box_append (GTK_BOX (box), row);
}

static void
build_lead (SbApplicationWizard *self,
            GtkWidget           *page)
{
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Art. 11 (1): the lead unit is an enterprise or institution registered in Shanxi with independent legal-person status.")));
  add_unit_fields (self, page, "lead", TRUE);
}

/* An item was added or removed: the page shows the list again, and the
 * new item's first field has the focus.  A new co-applicant starts as a
 * legal person, the usual case; its box can be cleared. */
static void
items_changed_cb (SbApplicationWizard *self,
                  const char          *list,
                  int                  added)
{
  gboolean co_applicants = g_strcmp0 (list, "co") == 0;
  g_autofree char *first = NULL;
  GtkWidget *input;

  if (added >= 0 && co_applicants)
    {
      g_autofree char *legal = item_key (list, added, "legal");

      sb_wizard_form_set (self->form, legal, "1");
    }

  rebuild_page (self, step_for_list (list));
  if (added < 0)
    return;

  first = item_key (list, added, co_applicants ? "name" : "designation");
  input = sb_wizard_form_get_input (self->form, first);
  if (input != NULL)
    {
      gtk_widget_grab_focus (input);
      sb_wizard_scroll_to (self->wizard, input);
    }
}

static void
build_co_applicants (SbApplicationWizard *self,
                     GtkWidget           *page)
{
  guint count = sb_form_get_count (self->values, "co.count");

  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Art. 12: units may apply together with authoritative technical units of their industry. Add each co-applicant, or go on if there is none.")));

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("co.%u", i);
      g_autofree char *title = g_strdup_printf (_("Co-applicant %u"), i + 1);

      gtk_box_append (GTK_BOX (page),
                      sb_wizard_form_item_header (self->form, "co", i, title, _("Remove this co-applicant")));
      add_unit_fields (self, page, prefix, FALSE);
    }

  if (count == 0)
    gtk_box_append (GTK_BOX (page), sb_wizard_page_intro (_("No co-applicants.")));
  gtk_box_append (GTK_BOX (page), sb_wizard_form_add_button (self->form, "co", _("_Add Co-applicant")));
}

/* Domain, tags and names */

static void
tag_toggled (GtkCheckButton      *check,
             SbApplicationWizard *self)
{
  g_autoptr(GString) tags = g_string_new (NULL);

  for (guint i = 0; i < self->tags->len; i++)
    {
      const SbReference *tag = &g_array_index (self->tags, SbReference, i);
      GtkCheckButton *button = g_object_get_data (G_OBJECT (self->pages[SB_APPLICATION_STEP_NAMES]), tag->code);

      if (button != NULL && gtk_check_button_get_active (button))
        g_string_append_printf (tags, "%s%s", tags->len > 0 ? "," : "", tag->code);
    }

  sb_wizard_form_set (self->form, "tags", tags->str);
}

static void
add_name_preview (SbApplicationWizard *self,
                  GtkWidget           *group,
                  const char          *id,
                  const char          *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->derived, g_strdup (id), row);
}

static void
build_names (SbApplicationWizard *self,
             GtkWidget           *page)
{
  g_autofree const char **ids = g_new0 (const char *, self->domains->len + 1);
  g_autofree const char **labels = g_new0 (const char *, self->domains->len + 1);
  g_auto(GStrv) chosen = g_strsplit (sb_form_get (self->values, "tags"), ",", -1);
  GtkWidget *tags_box, *flow, *group, *row;

  for (guint i = 0; i < self->domains->len; i++)
    {
      const SbReference *domain = &g_array_index (self->domains, SbReference, i);

      ids[i] = domain->code;
      labels[i] = sb_locale_pick (domain->name_zh, domain->name_en);
    }
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_form_choice (self->form, "domain", _("_Domain (Art. 3)"), ids, labels));

  tags_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (tags_box), sb_wizard_page_heading (_("“Six new” tags (optional)")));
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  for (guint i = 0; i < self->tags->len; i++)
    {
      const SbReference *tag = &g_array_index (self->tags, SbReference, i);
      GtkWidget *check = gtk_check_button_new_with_label (sb_locale_pick (tag->name_zh, tag->name_en));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains ((const char * const *) chosen, tag->code));
      g_object_set_data (G_OBJECT (page), tag->code, check);
      g_signal_connect (check, "toggled", G_CALLBACK (tag_toggled), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
    }
  gtk_box_append (GTK_BOX (tags_box), flow);
  gtk_box_append (GTK_BOX (page), tags_box);

  row = sb_wizard_page_row ();
  gtk_box_append (GTK_BOX (row),
                  sb_wizard_form_entry (self->form, "short_zh", _("Short name in _Chinese (×××)"), _("e.g. 智能重型装备")));
  gtk_box_append (GTK_BOX (row),
                  sb_wizard_form_entry (self->form, "short_en", _("Short name in _English"), _("e.g. Intelligent Heavy Equipment")));
  gtk_box_append (GTK_BOX (page), row);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The base’s names"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("While preparing, the base works under the name with （筹） (Art. 18); once accepted it carries the final name (Art. 22)."));
  add_name_preview (self, group, "name.preparatory_zh", _("While preparing"));
  add_name_preview (self, group, "name.established_zh", _("Once established"));
  add_name_preview (self, group, "name.preparatory_en", _("While preparing, in English"));
  add_name_preview (self, group, "name.established_en", _("Once established, in English"));
  gtk_box_append (GTK_BOX (page), group);
  update_derived (self, "short_zh");
}

/* Documents: evidence of a condition, and attachments */

static void
open_document_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SbApplicationWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("The document could not be opened: %s"), error->message);

      toast (self, text);
    }
}

static void
open_document_clicked (GtkButton           *button,
                       SbApplicationWizard *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "sb-path");
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      toast (self, _("The stored copy of the document is missing"));
      return;
    }

  /* The system's viewer, until the app has a PDF view of its own. */
  uri = g_filename_to_uri (path, NULL, NULL);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                           open_document_done, g_object_ref (self));
}

static void
remove_document_clicked (GtkButton           *button,
                         SbApplicationWizard *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "sb-list");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "sb-id"));
  g_autoptr(GArray) ids = sb_form_get_ids (self->values, key);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) != id)
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len > 0 ? "," : "",
                              g_array_index (ids, gint64, i));

  sb_wizard_form_set (self->form, key, text->str);
  rebuild_page (self, step_for_key (key));
}

/* Importing chosen files: Poppler reads each one and it is copied into
 * the store, in a worker with its own connection to the database. */
typedef struct
{
  char      *database_path;
  char      *list_key;
  GPtrArray *paths;     /* char * */
  GArray    *ids;       /* gint64, the imported */
  GPtrArray *messages;  /* char *, why the others were refused */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->database_path);
  g_free (job->list_key);
  g_ptr_array_unref (job->paths);
  g_array_unref (job->ids);
  g_ptr_array_unref (job->messages);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) database = sb_database_open (job->database_path, SB_DATABASE_OPEN_FLAGS_NONE, &error);

  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < job->paths->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GError) import_error = NULL;
      gint64 id = sb_document_store_import (database, g_ptr_array_index (job->paths, i), 0,
                                            g_str_has_prefix (job->list_key, "cond.") ? "evidence" : "attachment",
                                            &import_error);

      if (id > 0)
        g_array_append_val (job->ids, id);
      else
        g_ptr_array_add (job->messages, g_strdup (import_error->message));
    }

  g_task_return_boolean (task, TRUE);
}

static void
append_document_id (SbApplicationWizard *self,
                    const char          *list_key,
                    gint64               id)
{
  g_autoptr(GArray) ids = sb_form_get_ids (self->values, list_key);
  g_autofree char *joined = NULL;
  const char *text = sb_form_get (self->values, list_key);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;

  joined = g_strdup_printf ("%s%s%" G_GINT64_FORMAT, text, text[0] != '\0' ? "," : "", id);
  sb_wizard_form_set (self->form, list_key, joined);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SbApplicationWizard *self = SB_APPLICATION_WIZARD (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_ptr_array_add (job->messages, g_strdup (error->message));
    }

  if (self->form == NULL)
    return;

  for (guint i = 0; i < job->ids->len; i++)
    append_document_id (self, job->list_key, g_array_index (job->ids, gint64, i));
  if (job->ids->len > 0)
    rebuild_page (self, step_for_key (job->list_key));

  if (job->messages->len > 0)
    {
      g_autofree char *body = NULL;
      GtkWidget *message;

      g_ptr_array_add (job->messages, NULL);
      body = g_strjoinv ("\n\n", (char **) job->messages->pdata);
      message = adw_message_dialog_new (GTK_WINDOW (self),
                                        g_dngettext (GETTEXT_PACKAGE, "A file was not attached",
                                                     "Some files were not attached", job->messages->len - 1),
                                        body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
chooser_response (GtkNativeDialog     *dialog,
                  int                  response,
                  SbApplicationWizard *self)
{
  const char *key = g_object_get_data (G_OBJECT (dialog), "sb-list");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          /* The chooser offers local files only. */
          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      sb_application_wizard_import_files (self, key, (const char * const *) paths->pdata);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_document_clicked (GtkButton           *button,
                      SbApplicationWizard *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Attach PDF Documents"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "sb-list",
                          g_strdup (g_object_get_data (G_OBJECT (button), "sb-list")), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A list of the documents under @key, with a button to add more. */
static GtkWidget *
documents_list (SbApplicationWizard *self,
                const char          *key,
                const char          *add_label)
{
  g_autoptr(GArray) ids = sb_form_get_ids (self->values, key);
  g_autoptr(GPtrArray) documents = sb_application_list_documents (self->database, ids, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button;

  if (documents != NULL && documents->len > 0)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < documents->len; i++)
        {
          SbApplicationDocument *document = g_ptr_array_index (documents, i);
          g_autofree char *size = g_format_size (document->size);
          g_autofree char *subtitle = NULL;
          g_autofree char *escaped = g_markup_escape_text (document->file_name, -1);
          GtkWidget *row = adw_action_row_new ();

          /* Translators: a document's page count and size, e.g. "12 pages · 1.2 MB" */
          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page · %s", "%d pages · %s", document->pages),
                                      document->pages, size);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));

          button = icon_button ("document-open-symbolic", _("Open the document"));
          g_object_set_data_full (G_OBJECT (button), "sb-path", g_strdup (document->path), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (open_document_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

          button = icon_button ("user-trash-symbolic", _("Remove the document"));
          g_object_set_data_full (G_OBJECT (button), "sb-list", g_strdup (key), g_free);
          g_object_set_data (G_OBJECT (button), "sb-id", GSIZE_TO_POINTER ((gsize) document->id));
          g_signal_connect (button, "clicked", G_CALLBACK (remove_document_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (GTK_BOX (box), list);
    }

  button = gtk_button_new_with_mnemonic (add_label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (button), "sb-list", g_strdup (key), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (add_document_clicked), self);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), sb_wizard_form_error_label (self->form, key));

  return box;
}

static void
build_conditions (SbApplicationWizard *self,
                  GtkWidget           *page)
{
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Art. 11: state how the unit meets each condition and attach the evidence as PDF documents.")));

  for (int c = 1; c <= SB_APPLICATION_CONDITIONS; c++)
    {
      g_autofree char *key = g_strdup_printf ("cond.%d.statement", c);
      g_autofree char *docs = g_strdup_printf ("cond.%d.docs", c);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_box_append (GTK_BOX (box),
                      sb_wizard_form_text (self->form, key, sb_application_condition_get_text (c), NULL));
      gtk_box_append (GTK_BOX (box), documents_list (self, docs, _("Add _Evidence…")));
      gtk_box_append (GTK_BOX (page), box);
    }
}

static void
build_standards (SbApplicationWizard *self,
                 GtkWidget           *page)
{
  static const char * const roles[] = { "led", "participated", NULL };
  const char *role_labels[] = { _("Led"), _("Took part"), NULL };
  guint count = sb_form_get_count (self->values, "std.count");

  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Art. 11 (3): the international, national, industry, local and group standards the unit led or took part in. The level follows from the designation.")));

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *designation = item_key ("std", i, "designation");
      g_autofree char *title = item_key ("std", i, "title");
      g_autofree char *role = item_key ("std", i, "role");
      g_autofree char *heading = g_strdup_printf (_("Standard %u"), i + 1);
      GtkWidget *header = sb_wizard_form_item_header (self->form, "std", i, heading,
                                                      _("Remove this standard"));
      GtkWidget *level = gtk_label_new (NULL);
      GtkWidget *row = sb_wizard_page_row ();

      /* The level the designation gives, after the heading */
      gtk_widget_add_css_class (level, "accent");
      gtk_box_insert_child_after (GTK_BOX (header), level, gtk_widget_get_first_child (header));
      gtk_box_append (GTK_BOX (page), header);
      g_hash_table_insert (self->derived, g_strdup (designation), level);

      gtk_box_append (GTK_BOX (row),
                      sb_wizard_form_entry (self->form, designation, _("_Designation"), _("e.g. GB/T 1.1-2020")));
      gtk_box_append (GTK_BOX (row), sb_wizard_form_choice (self->form, role, _("_Role"), roles, role_labels));
      gtk_box_append (GTK_BOX (page), row);
      gtk_box_append (GTK_BOX (page), sb_wizard_form_entry (self->form, title, _("_Title"), NULL));
      update_derived (self, designation);
    }

  gtk_box_append (GTK_BOX (page), sb_wizard_form_error_label (self->form, "std.count"));
  gtk_box_append (GTK_BOX (page), sb_wizard_form_add_button (self->form, "std", _("_Add Standard")));
}

static void
build_capability (SbApplicationWizard *self,
                  GtkWidget           *page)
{
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Art. 11 (4): research and development, the gathering of innovation resources, and market services.")));
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_form_text (self->form, "research", _("_Research capability"), NULL));
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_form_text (self->form, "service", _("_Service capability"), NULL));
}

static void
build_recommender (SbApplicationWizard *self,
                   GtkWidget           *page)
{
  g_autofree const char **ids = g_new0 (const char *, self->recommenders->len + 1);
  g_autofree const char **labels = g_new0 (const char *, self->recommenders->len + 1);

  for (guint i = 0; i < self->recommenders->len; i++)
    {
      const SbReference *reference = &g_array_index (self->recommenders, SbReference, i);

      ids[i] = reference->code;
      labels[i] = reference->name_zh;
    }

  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Art. 13: a provincial industry department, or the standardisation authority of a city or of the demonstration zone, recommends the application.")));
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_form_choice (self->form, "recommender", _("_Recommender"), ids, labels));
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_form_text (self->form, "recommendation", _("Recommendation _opinion (optional)"), NULL));
}

static void
build_attachments (SbApplicationWizard *self,
                   GtkWidget           *page)
{
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Other documents that go with the application, as PDF: they are checked, copied into the programme’s document store and listed in the application.")));
  gtk_box_append (GTK_BOX (page), documents_list (self, "attachments", _("_Add Attachments…")));
}

/* Summary */

static void
edit_clicked (GtkButton           *button,
              SbApplicationWizard *self)
{
  sb_wizard_go_to (self->wizard, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sb-step")));
}

static GtkWidget *
summary_group (SbApplicationWizard *self,
               SbApplicationStep    step)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), sb_application_step_get_title (step));
  GtkWidget *button = gtk_button_new_with_label (_("Edit"));
  SbStepState state = sb_application_form_get_step_state (self->values, step);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sb_application_step_get_title (step));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), sb_step_state_get_label (state));
  gtk_widget_set_tooltip_text (button, edit_label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "sb-step", GUINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (edit_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  return group;
}

static const char *
reference_name (GArray     *references,
                const char *code)
{
  for (guint i = 0; i < references->len; i++)
    {
      const SbReference *reference = &g_array_index (references, SbReference, i);

      if (g_strcmp0 (reference->code, code) == 0)
        return sb_locale_pick (reference->name_zh, reference->name_en);
    }

  return "";
}

static char *
unit_text (GHashTable *values,
           const char *prefix)
{
  g_autofree char *name = g_strconcat (prefix, ".name", NULL);
  g_autofree char *code = g_strconcat (prefix, ".code", NULL);
  g_autofree char *address = g_strconcat (prefix, ".address", NULL);
  g_autofree char *contact = g_strconcat (prefix, ".contact", NULL);
  g_autofree char *phone = g_strconcat (prefix, ".phone", NULL);

  return g_strdup_printf ("%s\n%s\n%s\n%s %s", sb_form_get (values, name), sb_form_get (values, code),
                          sb_form_get (values, address), sb_form_get (values, contact),
                          sb_form_get (values, phone));
}

static void export_pdf_clicked (GtkButton *button, SbApplicationWizard *self);
static void print_clicked (GtkButton *button, SbApplicationWizard *self);
static void submit_clicked (GtkButton *button, SbApplicationWizard *self);

static void
build_summary (SbApplicationWizard *self,
               GtkWidget           *page)
{
  g_autoptr(GPtrArray) errors = sb_application_form_check (self->values);
  SbApplicationNames names;
  GtkWidget *group, *buttons, *button;
  guint count;

  if (errors->len > 0)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Still to do before submitting"));
      for (guint i = 0; i < errors->len && i < 12; i++)
        {
          const SbFieldError *error = g_ptr_array_index (errors, i);
          SbApplicationStep step = step_for_key (error->key);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sb_application_step_get_title (step));
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-error-symbolic"));
          button = gtk_button_new_with_label (_("Edit"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (button), "sb-step", GUINT_TO_POINTER (step));
          g_signal_connect (button, "clicked", G_CALLBACK (edit_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (GTK_BOX (page), group);
    }
  else
    gtk_box_append (GTK_BOX (page),
                    sb_wizard_page_intro (_("Every section is complete. Review it, then submit the application to the recommender.")));

  group = summary_group (self, SB_APPLICATION_STEP_LEAD);
  {
    g_autofree char *text = unit_text (self->values, "lead");

    sb_wizard_summary_row (group, _("Lead unit"), text, 4);
  }
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_APPLICATION_STEP_CO_APPLICANTS);
  count = sb_form_get_count (self->values, "co.count");
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("co.%u", i);
      g_autofree char *title = g_strdup_printf (_("Co-applicant %u"), i + 1);
      g_autofree char *text = unit_text (self->values, prefix);

      sb_wizard_summary_row (group, title, text, 4);
    }
  if (count == 0)
    sb_wizard_summary_row (group, _("Co-applicants"), _("None"), 4);
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_APPLICATION_STEP_NAMES);
  sb_wizard_summary_row (group, _("Domain"), reference_name (self->domains, sb_form_get (self->values, "domain")), 4);
  {
    g_auto(GStrv) codes = g_strsplit (sb_form_get (self->values, "tags"), ",", -1);
    g_autoptr(GString) tags = g_string_new (NULL);

    for (guint i = 0; codes[i] != NULL; i++)
      if (codes[i][0] != '\0')
        g_string_append_printf (tags, "%s%s", tags->len > 0 ? _(", ") : "", reference_name (self->tags, codes[i]));
    sb_wizard_summary_row (group, _("“Six new” tags"), tags->str, 4);
  }
  sb_application_form_get_names (self->values, &names);
  sb_wizard_summary_row (group, _("While preparing"), names.preparatory_zh, 4);
  sb_wizard_summary_row (group, _("Once established"), names.established_zh, 4);
  sb_wizard_summary_row (group, _("Once established, in English"), names.established_en, 4);
  sb_application_names_clear (&names);
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_APPLICATION_STEP_CONDITIONS);
  for (int c = 1; c <= SB_APPLICATION_CONDITIONS; c++)
    {
      g_autofree char *key = g_strdup_printf ("cond.%d.statement", c);
      g_autofree char *docs = g_strdup_printf ("cond.%d.docs", c);
      g_autoptr(GArray) ids = sb_form_get_ids (self->values, docs);
      g_autofree char *title = g_strdup_printf (_("Condition (%d)"), c);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%u evidence document", "%s\n%u evidence documents", ids->len),
                                               sb_form_get (self->values, key), ids->len);

      sb_wizard_summary_row (group, title, text, 4);
    }
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_APPLICATION_STEP_STANDARDS);
  count = sb_form_get_count (self->values, "std.count");
  for (guint i = 0; i < count; i++)
    {
      const char *designation = sb_form_get_indexed (self->values, "std", i, "designation");
      g_autoptr(SbStandardDesignation) parsed = sb_standard_designation_parse (designation, NULL);
      const char *role = sb_form_get_indexed (self->values, "std", i, "role");
      g_autofree char *text = g_strdup_printf ("%s · %s · %s", sb_form_get_indexed (self->values, "std", i, "title"),
                                               parsed != NULL ? sb_standard_level_get_label (parsed->level) : "—",
                                               g_strcmp0 (role, "led") == 0 ? _("Led") : _("Took part"));

      sb_wizard_summary_row (group, designation, text, 4);
    }
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_APPLICATION_STEP_CAPABILITY);
  sb_wizard_summary_row (group, _("Research capability"), sb_form_get (self->values, "research"), 4);
  sb_wizard_summary_row (group, _("Service capability"), sb_form_get (self->values, "service"), 4);
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_APPLICATION_STEP_RECOMMENDER);
  sb_wizard_summary_row (group, _("Recommender"), reference_name (self->recommenders, sb_form_get (self->values, "recommender")), 4);
  sb_wizard_summary_row (group, _("Recommendation opinion"), sb_form_get (self->values, "recommendation"), 4);
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_APPLICATION_STEP_ATTACHMENTS);
  {
    g_autoptr(GArray) ids = sb_form_get_ids (self->values, "attachments");
    g_autoptr(GPtrArray) documents = sb_application_list_documents (self->database, ids, NULL);

    for (guint i = 0; documents != NULL && i < documents->len; i++)
      {
        SbApplicationDocument *document = g_ptr_array_index (documents, i);
        g_autofree char *size = g_format_size (document->size);
        g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page · %s", "%d pages · %s", document->pages),
                                                 document->pages, size);

        sb_wizard_summary_row (group, document->file_name, text, 4);
      }
    if (documents == NULL || documents->len == 0)
      sb_wizard_summary_row (group, _("Attachments"), _("None"), 4);
  }
  gtk_box_append (GTK_BOX (page), group);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  button = gtk_button_new_with_mnemonic (_("Save as _PDF…"));
  g_signal_connect (button, "clicked", G_CALLBACK (export_pdf_clicked), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Print…"));
  g_signal_connect (button, "clicked", G_CALLBACK (print_clicked), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Submit Application"));
  gtk_widget_set_name (button, "submit");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, errors->len == 0);
  g_signal_connect (button, "clicked", G_CALLBACK (submit_clicked), self);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (page), buttons);
}

typedef void (*BuildFunc) (SbApplicationWizard *self,
                           GtkWidget           *page);

static const BuildFunc builders[SB_N_APPLICATION_STEPS] = {
  [SB_APPLICATION_STEP_LEAD] = build_lead,
  [SB_APPLICATION_STEP_CO_APPLICANTS] = build_co_applicants,
  [SB_APPLICATION_STEP_NAMES] = build_names,
  [SB_APPLICATION_STEP_CONDITIONS] = build_conditions,
  [SB_APPLICATION_STEP_STANDARDS] = build_standards,
  [SB_APPLICATION_STEP_CAPABILITY] = build_capability,
  [SB_APPLICATION_STEP_RECOMMENDER] = build_recommender,
  [SB_APPLICATION_STEP_ATTACHMENTS] = build_attachments,
  [SB_APPLICATION_STEP_SUMMARY] = build_summary,
};

static void
rebuild_page (SbApplicationWizard *self,
              SbApplicationStep    step)
{
  sb_wizard_page_clear (self->pages[step]);
  builders[step] (self, self->pages[step]);
  revalidate (self, step);
}

/* Exporting and printing */

static void
save_pdf_response (GtkNativeDialog     *dialog,
                   int                  response,
                   SbApplicationWizard *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !sb_application_pdf_write (self->database, self->values, &self->today, path, &error))
        {
          g_autofree char *text = g_strdup_printf (_("The PDF could not be saved: %s"),
                                                   error ? error->message : _("not a local file"));

          toast (self, text);
        }
      else
        toast (self, _("The application was saved as a PDF"));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_pdf_clicked (GtkButton           *button,
                    SbApplicationWizard *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *short_name = g_strstrip (g_strdup (sb_form_get (self->values, "short_zh")));

  chooser = gtk_file_chooser_native_new (_("Save the Application as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name of the exported application; %s is the base's short name */
  name = g_strdup_printf (_("Application %s.pdf"), short_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_pdf_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_clicked (GtkButton           *button,
               SbApplicationWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (!sb_wizard_form_flush (self->form, &error))
    {
      toast (self, error->message);
      return;
    }

  /* The same pages as the PDF: rendered once, then printed page by page. */
  fd = g_file_open_tmp ("stdbase-application-XXXXXX.pdf", &path, &error);
  if (fd < 0)
    {
      toast (self, error->message);
      return;
    }
  close (fd);

  if (!sb_application_pdf_write (self->database, self->values, &self->today, path, &error)
      || !sb_wizard_print_pdf (GTK_WINDOW (self), path, _("Application"), &error))
    {
      g_autofree char *text = g_strdup_printf (_("The application could not be printed: %s"), error->message);

      toast (self, text);
    }
  g_unlink (path);
}

/* Submitting and closing */

static void
submit_clicked (GtkButton           *button,
                SbApplicationWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (sb_application_wizard_submit (self, &error) == 0)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("The application was not submitted"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
close_response (AdwMessageDialog    *dialog,
                const char          *response,
                SbApplicationWizard *self)
{
  if (g_strcmp0 (response, "close") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
ask_close_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sb_application_wizard_ask_close (SB_APPLICATION_WIZARD (widget));
}

/* Wizard signals */

static gboolean
leave_step_cb (SbApplicationWizard *self,
               guint                step)
{
  g_autoptr(GPtrArray) errors = NULL;
  GtkWidget *first;

  if (step >= SB_APPLICATION_STEP_SUMMARY)
    return FALSE;

  errors = sb_application_form_check_step (self->values, step);
  if (errors->len == 0)
    return FALSE;

  /* Point at everything missing now that the user wants to move on. */
  self->attempted[step] = TRUE;
  first = sb_wizard_form_show_errors (self->form, errors, step_prefixes[step], TRUE);
  sb_wizard_set_step_state (self->wizard, step, sb_application_form_get_step_state (self->values, step));
  if (first != NULL)
    {
      gtk_widget_grab_focus (first);
      sb_wizard_scroll_to (self->wizard, first);
    }
  toast (self, ((SbFieldError *) g_ptr_array_index (errors, 0))->message);

  return TRUE;
}

static void
step_changed_cb (SbApplicationWizard *self,
                 guint                step)
{
  g_autofree char *title = sb_application_form_dup_title (self->values);

  if (step == SB_APPLICATION_STEP_SUMMARY)
    rebuild_page (self, step);

  sb_draft_set_title (self->database, self->draft_id, title, step, NULL);
}

static void
save_draft_cb (SbApplicationWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (!sb_wizard_form_flush (self->form, &error))
    form_save_failed_cb (self, error->message);
  else
    {
      form_saved_cb (self);
      toast (self, _("Draft saved"));
    }
}

/* GObject */

static gboolean
sb_application_wizard_close_request (GtkWindow *window)
{
  SbApplicationWizard *self = SB_APPLICATION_WIZARD (window);
  g_autoptr(GError) error = NULL;

  /* Closing keeps the draft: what was typed last is saved now. */
  if (self->form != NULL && !sb_wizard_form_flush (self->form, &error))
    g_warning ("The draft could not be saved: %s", error->message);

  return GTK_WINDOW_CLASS (sb_application_wizard_parent_class)->close_request (window);
}

static void
sb_application_wizard_dispose (GObject *object)
{
  SbApplicationWizard *self = SB_APPLICATION_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  if (self->form != NULL)
    {
      sb_wizard_form_detach (self->form);
      g_signal_handlers_disconnect_by_data (self->form, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_APPLICATION_WIZARD);
  g_clear_object (&self->form);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (sb_application_wizard_parent_class)->dispose (object);
}

static void
sb_application_wizard_finalize (GObject *object)
{
  SbApplicationWizard *self = SB_APPLICATION_WIZARD (object);

  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->derived, g_hash_table_unref);
  g_clear_pointer (&self->domains, g_array_unref);
  g_clear_pointer (&self->tags, g_array_unref);
  g_clear_pointer (&self->recommenders, g_array_unref);

  G_OBJECT_CLASS (sb_application_wizard_parent_class)->finalize (object);
}

static void
sb_application_wizard_class_init (SbApplicationWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sb_application_wizard_dispose;
  object_class->finalize = sb_application_wizard_finalize;
  window_class->close_request = sb_application_wizard_close_request;

  /**
   * SbApplicationWizard::submitted:
   * @base_id: the base the application created
   */
  signals[SIGNAL_SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (SB_TYPE_WIZARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-application-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SbApplicationWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbApplicationWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbApplicationWizard, wizard);
  gtk_widget_class_bind_template_callback (widget_class, leave_step_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_draft_cb);

  /* Escape asks first: closing by mistake would be a surprise. */
  gtk_widget_class_install_action (widget_class, "application.ask-close", NULL, ask_close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "application.ask-close", NULL);
}

static void
sb_application_wizard_init (SbApplicationWizard *self)
{
  self->derived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->today, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sb_application_wizard_new:
 * @draft_id: the draft to continue, or 0 to start a new one
 * @today: the date of submission
 *
 * Returns: (transfer full): the wizard window, or %NULL with @error set
 */
SbApplicationWizard *
sb_application_wizard_new (SbProgramme  *programme,
                           gint64        draft_id,
                           const GDate  *today,
                           GError      **error)
{
  g_autoptr(SbApplicationWizard) self = NULL;
  g_autoptr(GHashTable) values = NULL;
  SbDraftInfo info = { 0 };

  g_return_val_if_fail (SB_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_ref_sink (g_object_new (SB_TYPE_APPLICATION_WIZARD, NULL));
  self->programme = g_object_ref (programme);
  self->database = sb_programme_get_database (programme);
  self->today = *today;

  if (draft_id == 0)
    {
      draft_id = sb_draft_create (self->database, SB_DRAFT_KIND_APPLICATION, 0, error);
      if (draft_id == 0)
        return NULL;
    }
  values = sb_draft_load (self->database, draft_id, &info, error);
  if (values == NULL)
    return NULL;

  self->draft_id = draft_id;
  self->values = g_hash_table_ref (values);
  self->domains = sb_statistics_list_domains (self->database, error);
  if (self->domains == NULL)
    return NULL;
  self->tags = sb_statistics_list_tags (self->database, error);
  if (self->tags == NULL)
    return NULL;
  self->recommenders = sb_application_list_recommenders (self->database, error);
  if (self->recommenders == NULL)
    return NULL;

  self->form = sb_wizard_form_new (self->database, draft_id, values);

  /* A new lead unit is a legal person unless the applicant says not. */
  if (!g_hash_table_contains (values, "lead.legal"))
    sb_wizard_form_set (self->form, "lead.legal", "1");

  for (SbApplicationStep step = 0; step < SB_N_APPLICATION_STEPS; step++)
    {
      self->pages[step] = page_new ();
      builders[step] (self, self->pages[step]);
      sb_wizard_add_step (self->wizard, sb_application_step_get_title (step), self->pages[step]);
    }
  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->form, "saved", G_CALLBACK (form_saved_cb), self);
  g_signal_connect_swapped (self->form, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect_swapped (self->form, "save-failed", G_CALLBACK (form_save_failed_cb), self);
  for (SbApplicationStep step = 0; step < SB_N_APPLICATION_STEPS; step++)
    revalidate (self, step);

  /* Continue where the draft was left. */
  if (info.step > 0 && info.step < SB_N_APPLICATION_STEPS)
    {
      sb_wizard_set_visited_up_to (self->wizard, info.step);
      sb_wizard_go_to (self->wizard, info.step);
    }
  {
    g_autofree char *title = sb_application_form_dup_title (values);

    adw_window_title_set_subtitle (self->window_title, title);
  }
  sb_draft_info_clear (&info);

  return g_steal_pointer (&self);
}

SbWizard *
sb_application_wizard_get_wizard (SbApplicationWizard *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION_WIZARD (self), NULL);

  return self->wizard;
}

SbWizardForm *
sb_application_wizard_get_form (SbApplicationWizard *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION_WIZARD (self), NULL);

  return self->form;
}

gint64
sb_application_wizard_get_draft_id (SbApplicationWizard *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION_WIZARD (self), 0);

  return self->draft_id;
}

/**
 * sb_application_wizard_add_document:
 * @list_key: "attachments" or "cond.N.docs"
 * @path: the file the user chose
 *
 * Checks that @path is a PDF Poppler can read, copies it into the document
 * store and adds it to the list.  A file that is not a readable PDF is
 * refused with a message that says why.
 *
 * Returns: the document's id, or 0 with @error set
 */
gint64
sb_application_wizard_add_document (SbApplicationWizard  *self,
                                    const char           *list_key,
                                    const char           *path,
                                    GError              **error)
{
  gint64 id;

  g_return_val_if_fail (SB_IS_APPLICATION_WIZARD (self), 0);
  g_return_val_if_fail (list_key != NULL && path != NULL, 0);

  id = sb_document_store_import (self->database, path, 0,
                                 g_str_has_prefix (list_key, "cond.") ? "evidence" : "attachment", error);
  if (id == 0)
    return 0;

  append_document_id (self, list_key, id);
  rebuild_page (self, step_for_key (list_key));

  return id;
}

/**
 * sb_application_wizard_add_item:
 * @list: "co" or "std"
 *
 * Adds an empty co-applicant or standard and focuses its first field.
 */
void
sb_application_wizard_add_item (SbApplicationWizard *self,
                                const char          *list)
{
  g_return_if_fail (SB_IS_APPLICATION_WIZARD (self));

  sb_wizard_form_add_item (self->form, list);
}

/**
 * sb_application_wizard_submit:
 *
 * Submits the application (Art. 13) on the wizard's today, by the
 * applicant, and closes the wizard.
 *
 * Returns: the new base's id, or 0 with @error set
 */
gint64
sb_application_wizard_submit (SbApplicationWizard  *self,
                              GError              **error)
{
  gint64 base_id;

  g_return_val_if_fail (SB_IS_APPLICATION_WIZARD (self), 0);

  if (!sb_wizard_form_flush (self->form, error))
    return 0;

  base_id = sb_application_submit (sb_programme_get_store (self->programme), self->values,
                                   self->draft_id,
                                   sb_database_get_audit_actor (sb_programme_get_database (self->programme)),
                                   &self->today, error);
  if (base_id == 0)
    return 0;

  /* The draft is gone: nothing is left to save. */
  g_signal_handlers_disconnect_by_data (self->form, self);
  g_clear_object (&self->form);
  g_signal_emit (self, signals[SIGNAL_SUBMITTED], 0, base_id);
  gtk_window_destroy (GTK_WINDOW (self));

  return base_id;
}

/**
 * sb_application_wizard_ask_close:
 *
 * Asks whether to close, saying that the draft is kept.
 */
void
sb_application_wizard_ask_close (SbApplicationWizard *self)
{
  GtkWidget *dialog;

  g_return_if_fail (SB_IS_APPLICATION_WIZARD (self));

  sb_wizard_form_flush (self->form, NULL);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Close the Application?"),
                                   _("Everything entered so far is kept as a draft, which you can continue later from the list of drafts."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sb_application_wizard_import_files:
 * @list_key: "attachments" or "cond.N.docs"
 * @paths: (array zero-terminated=1): files the user chose
 *
 * Checks and stores @paths in a worker, adds those that are readable PDFs
 * to the list, and says which were refused and why.
 */
void
sb_application_wizard_import_files (SbApplicationWizard *self,
                                    const char          *list_key,
                                    const char * const  *paths)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (SB_IS_APPLICATION_WIZARD (self));
  g_return_if_fail (list_key != NULL && paths != NULL);

  job = g_new0 (ImportJob, 1);
  job->database_path = g_strdup (sb_database_get_path (self->database));
  job->list_key = g_strdup (list_key);
  job->paths = g_ptr_array_new_with_free_func (g_free);
  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->messages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (job->paths, g_strdup (paths[i]));

  task = g_task_new (self, self->cancellable, import_done, NULL);
  g_task_set_source_tag (task, sb_application_wizard_import_files);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}
