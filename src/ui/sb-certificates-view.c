/* sb-certificates-view.c: the Certificates section of the main window
 *
 * Lists the established bases (and the revoked ones that held a
 * certificate) with the state of their certificate, shows the selected
 * certificate as Poppler renders its PDF, at the window's scale factor and
 * off the main thread, and offers the authority's acts: issue, reissue
 * with a reason, export, print one or all in one job, and verify a file
 * someone presents.
 *
 * The window lends its programme while no worker holds it; without one
 * the acts are disabled.
 */
#define G_LOG_DOMAIN "sb-certificates-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "sb-certificate-item.h"
#include "sb-certificate-preview-window.h"
#include "sb-certificate-print.h"
#include "sb-certificate-render.h"
#include "sb-certificates-view.h"
#include "sb-date.h"

/* The preview is rendered this wide in logical pixels, at least, then
 * scaled down to fit: sharp on a large window, cheap on a small one. */
#define PREVIEW_MIN_WIDTH 1200
#define PREVIEW_MAX_PIXELS 3200

struct _SbCertificatesView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkListView          *list_view;
  GtkStack             *preview_stack;
  AdwStatusPage        *none_page;
  GtkSpinner           *spinner;
  GtkPicture           *picture;
  GtkLabel             *details_label;
  AdwStatusPage        *error_page;

  GListStore           *items;
  GtkStringFilter      *filter;
  GtkSingleSelection   *selection;
  SbProgramme          *programme;
  GDate                 today;
  gboolean              may_issue;   /* the authority issues (Art. 22) */
  gboolean              stale;       /* the programme changed while hidden */
  guint                 n_live;

  GCancellable         *preview_cancellable;
  GtkFileChooserNative *chooser;
  GtkPrintSettings     *print_settings;
  GPtrArray            *printing;   /* (element-type SbCertificate) the last job's */
};

G_DEFINE_FINAL_TYPE (SbCertificatesView, sb_certificates_view, GTK_TYPE_WIDGET)

typedef struct
{
  SbCertificate *certificate;
  int            width;   /* device pixels */
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  sb_certificate_free (job->certificate);
  g_free (job);
}

static SbCertificateItem *
get_selected (SbCertificatesView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static SbDatabase *
get_database (SbCertificatesView *self)
{
  return self->programme ? sb_programme_get_database (self->programme) : NULL;
}

static void
toast (SbCertificatesView *self,
       const char         *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static GtkWindow *
get_window (SbCertificatesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
sb_certificates_view_update_actions (SbCertificatesView *self)
{
  SbCertificateItem *item = get_selected (self);
  gboolean open = self->programme != NULL;
  gboolean revoked = item != NULL && sb_certificate_item_is_base_revoked (item);
  SbCertificateState state = item ? sb_certificate_item_get_state (item) : SB_CERTIFICATE_STATE_NONE;
  gboolean has_certificate = item != NULL && sb_certificate_item_get_certificate (item) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "certificates.issue",
                                 open && self->may_issue && item != NULL && !revoked && state == SB_CERTIFICATE_STATE_NONE);
  gtk_widget_action_set_enabled (widget, "certificates.reissue",
                                 open && self->may_issue && item != NULL && !revoked
                                 && (state == SB_CERTIFICATE_STATE_ISSUED
                                     || state == SB_CERTIFICATE_STATE_REISSUED));
  gtk_widget_action_set_enabled (widget, "certificates.export", has_certificate && self->chooser == NULL);
  gtk_widget_action_set_enabled (widget, "certificates.print", has_certificate);
  gtk_widget_action_set_enabled (widget, "certificates.print-preview", has_certificate);
  gtk_widget_action_set_enabled (widget, "certificates.print-all", open && self->n_live > 0);
  gtk_widget_action_set_enabled (widget, "certificates.verify", open && self->chooser == NULL);
}

/* Preview */

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale;

  bytes = sb_certificate_render_pdf (job->certificate, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Each preview reads its own document: nothing Poppler holds is shared
   * between threads. */
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  scale = job->width / width;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width, (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_object_unref (page);
  g_object_unref (document);

  if (g_task_return_error_if_cancelled (task))
    {
      cairo_surface_destroy (surface);
      return;
    }
  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static char *
describe_certificate (const SbCertificate *certificate)
{
  g_autofree char *issued = sb_date_format (&certificate->issued);
  g_autofree char *closed = sb_date_format (&certificate->closed);
  GString *text = g_string_new (NULL);

  /* TRANSLATORS: "Certificate SXJD-2026-0001, issued on 2026-11-27" */
  g_string_append_printf (text, _("Certificate %s, issued on %s"), certificate->number, issued);
  if (certificate->replaces_id > 0 && certificate->reason != NULL && *certificate->reason != '\0')
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("reissued because: %s"), certificate->reason);
    }
  if (certificate->state == SB_CERTIFICATE_STATE_REVOKED)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("revoked with its base on %s"), closed ? closed : "");
    }
  else if (certificate->state == SB_CERTIFICATE_STATE_VOID)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("void since %s"), closed ? closed : "");
    }
  g_string_append (text, "\n");
  g_string_append_printf (text, _("Verification code %s"), certificate->code);

  return g_string_free (text, FALSE);
}

static void
render_finished (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SbCertificatesView *self = SB_CERTIFICATES_VIEW (object);
  PreviewJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *details = NULL;
  cairo_surface_t *surface;

  surface = g_task_propagate_pointer (G_TASK (result), &error);
  if (surface == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
      return;
    }

  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  {
    g_autofree char *name = g_strdup_printf (_("Certificate of %s"), job->certificate->name_zh);
    gtk_picture_set_alternative_text (self->picture, name);
  }
  details = describe_certificate (job->certificate);
  gtk_label_set_text (self->details_label, details);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}

static void
update_preview (SbCertificatesView *self)
{
  SbCertificateItem *item = get_selected (self);
  const SbCertificate *certificate = item ? sb_certificate_item_get_certificate (item) : NULL;
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;
  int width;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  gtk_picture_set_paintable (self->picture, NULL);

  if (certificate == NULL)
    {
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->preview_stack, item != NULL ? "none" : "nothing");
      return;
    }

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self->preview_stack)), PREVIEW_MIN_WIDTH);
  width = MIN (width * gtk_widget_get_scale_factor (GTK_WIDGET (self)), PREVIEW_MAX_PIXELS);

  job = g_new0 (PreviewJob, 1);
  job->certificate = sb_certificate_copy (certificate);
  job->width = width;

  self->preview_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "loading");

  task = g_task_new (self, self->preview_cancellable, render_finished, NULL);
  g_task_set_source_tag (task, update_preview);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, render_in_thread);
}

/* The list */

/* Where the base is in the list as searched, or GTK_INVALID_LIST_POSITION. */
static guint
find_position (SbCertificatesView *self,
               gint64              base_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbCertificateItem) item = g_list_model_get_item (model, i);

      if (sb_certificate_item_get_base_id (item) == base_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
reload (SbCertificatesView *self,
        gint64              select_base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listings = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint established = 0;

  self->n_live = 0;
  if (self->programme != NULL)
    {
      listings = sb_certificate_store_list (get_database (self), &error);
      if (listings == NULL)
        toast (self, error->message);
    }

  if (listings != NULL)
    {
      /* The items take the listings over. */
      g_ptr_array_set_free_func (listings, NULL);
      for (guint i = 0; i < listings->len; i++)
        g_ptr_array_add (items, sb_certificate_item_new (g_ptr_array_index (listings, i)));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      SbCertificateItem *item = g_ptr_array_index (items, i);
      SbCertificateState state = sb_certificate_item_get_state (item);

      if (!sb_certificate_item_is_base_revoked (item))
        established++;
      if (state == SB_CERTIFICATE_STATE_ISSUED || state == SB_CERTIFICATE_STATE_REISSUED)
        self->n_live++;
    }

  {
    g_autofree char *bases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u established base",
                                                           "%u established bases", established),
                                              established);
    g_autofree char *live = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate in force",
                                                          "%u certificates in force", self->n_live),
                                             self->n_live);

    /* TRANSLATORS: e.g. "12 established bases · 9 certificates in force" */
    count = g_strdup_printf (_("%s · %s"), bases, live);
    gtk_label_set_text (self->count_label, count);
  }

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  selected = find_position (self, select_base);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
  update_preview (self);
  sb_certificates_view_update_actions (self);
}

static void
reload_if_stale (SbCertificatesView *self)
{
  SbCertificateItem *item;

  if (!self->stale || self->programme == NULL)
    return;

  self->stale = FALSE;
  item = get_selected (self);
  reload (self, item ? sb_certificate_item_get_base_id (item) : 0);
}

static void
search_changed_cb (SbCertificatesView *self,
                   GtkSearchEntry     *entry)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
selection_changed_cb (SbCertificatesView *self)
{
  update_preview (self);
  sb_certificates_view_update_actions (self);
}

static void
scale_factor_changed_cb (SbCertificatesView *self)
{
  if (get_selected (self) != NULL)
    update_preview (self);
}

/* Issue */

static void
issue_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   SbCertificatesView *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "issue") == 0 && !sb_certificates_view_issue (self, &error))
    toast (self, error->message);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbCertificatesView *self = SB_CERTIFICATES_VIEW (widget);
  SbCertificateItem *item = get_selected (self);
  g_autofree char *today = sb_date_format (&self->today);
  GtkWidget *dialog;

  if (item == NULL)
    return;

  dialog = adw_message_dialog_new (get_window (self), _("Issue Certificate?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s is given its certificate (Art. 22), dated %s, with a new "
                                    "number and a verification code. Issuing is recorded and "
                                    "cannot be undone; a later correction is a reissue."),
                                  sb_certificate_item_get_listing (item)->name_zh, today);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "issue", _("_Issue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reissue */

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reissue", *reason != '\0');
}

static void
reissue_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     SbCertificatesView *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "reissue") == 0
      && !sb_certificates_view_reissue (self, gtk_editable_get_text (entry), &error))
    toast (self, error->message);
}

static void
reissue_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SbCertificatesView *self = SB_CERTIFICATES_VIEW (widget);
  SbCertificateItem *item = get_selected (self);
  const SbCertificate *certificate = item ? sb_certificate_item_get_certificate (item) : NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (certificate == NULL)
    return;

  dialog = adw_message_dialog_new (get_window (self), _("Reissue Certificate?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Certificate %s becomes void and can no longer be verified "
                                    "as valid. The base is given a new certificate under a new "
                                    "number, printed from its record as it is today. Give the "
                                    "reason, for the record."),
                                  certificate->number);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. lost, damaged, lead unit renamed"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for reissuing"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reissue", _("_Reissue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reissue",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reissue", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reissue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reissue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Export and verify: a native file chooser each */

static void
export_response_cb (GtkNativeDialog    *dialog,
                    int                 response,
                    SbCertificatesView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SbCertificateItem *item = get_selected (self);
  const SbCertificate *certificate = item ? sb_certificate_item_get_certificate (item) : NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  sb_certificates_view_update_actions (self);

  if (file == NULL || certificate == NULL)
    return;

  if (g_file_peek_path (file) == NULL)
    {
      toast (self, _("Certificates can only be saved to a local folder"));
      return;
    }
  if (!sb_certificate_write_pdf (certificate, g_file_peek_path (file), &error))
    toast (self, error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("Saved %s"), name);

      toast (self, text);
    }
}

static GtkFileFilter *
new_pdf_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  return filter;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbCertificatesView *self = SB_CERTIFICATES_VIEW (widget);
  SbCertificateItem *item = get_selected (self);
  const SbCertificate *certificate = item ? sb_certificate_item_get_certificate (item) : NULL;
  g_autoptr(GtkFileFilter) filter = new_pdf_filter ();
  g_autofree char *name = NULL;

  if (certificate == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Certificate"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strconcat (certificate->number, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
  sb_certificates_view_update_actions (self);
}

static void
show_verdict (SbCertificatesView *self,
              const char         *heading,
              const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
verify_response_cb (GtkNativeDialog    *dialog,
                    int                 response,
                    SbCertificatesView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  sb_certificates_view_update_actions (self);

  if (file == NULL || self->programme == NULL)
    return;
  if (g_file_peek_path (file) == NULL)
    {
      show_verdict (self, _("Not a Certificate"), _("Only files in a local folder can be verified"));
      return;
    }

  sb_certificates_view_verify_file (self, g_file_peek_path (file), NULL);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbCertificatesView *self = SB_CERTIFICATES_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = new_pdf_filter ();

  if (self->chooser != NULL || self->programme == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Verify a Certificate File"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Verify"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (verify_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
  sb_certificates_view_update_actions (self);
}

/* Print */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SbCertificatesView      *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      toast (self, error ? error->message : _("The certificates could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
}

static void print (SbCertificatesView      *self,
                   GPtrArray               *certificates,
                   GtkPrintOperationAction  action);

static void
preview_print_cb (SbCertificatesView *self)
{
  g_autoptr(GPtrArray) certificates = NULL;

  if (self->printing == NULL)
    return;

  certificates = g_ptr_array_ref (self->printing);
  print (self, certificates, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

/* The preview is shown in a window of the app's, not by an external viewer. */
static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            SbCertificatesView       *self)
{
  SbCertificatePreviewWindow *window;

  window = sb_certificate_preview_window_new (parent ? parent : get_window (self),
                                              operation, preview, context);
  g_signal_connect_object (window, "print", G_CALLBACK (preview_print_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

static void
print (SbCertificatesView      *self,
       GPtrArray               *certificates,
       GtkPrintOperationAction  action)
{
  g_autoptr(GtkPrintOperation) operation = sb_certificate_print_operation_new (certificates);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (certificates != self->printing)
    {
      g_clear_pointer (&self->printing, g_ptr_array_unref);
      self->printing = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_certificate_free);
      for (guint i = 0; i < certificates->len; i++)
        g_ptr_array_add (self->printing, sb_certificate_copy (g_ptr_array_index (certificates, i)));
    }

  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  g_signal_connect_object (operation, "preview", G_CALLBACK (preview_cb), self, 0);

  /* The print dialog also offers the preview. */
  result = gtk_print_operation_run (operation, action, get_window (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbCertificatesView *self = SB_CERTIFICATES_VIEW (widget);
  SbCertificateItem *item = get_selected (self);
  const SbCertificate *certificate = item ? sb_certificate_item_get_certificate (item) : NULL;
  g_autoptr(GPtrArray) certificates = g_ptr_array_new ();

  if (certificate == NULL)
    return;

  g_ptr_array_add (certificates, (gpointer) certificate);
  print (self, certificates, g_str_equal (action_name, "certificates.print-preview")
                             ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                             : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
print_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbCertificatesView *self = SB_CERTIFICATES_VIEW (widget);
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;

  if (self->programme == NULL)
    return;

  certificates = sb_certificate_store_list_live (get_database (self), &error);
  if (certificates == NULL)
    toast (self, error->message);
  else if (certificates->len > 0)
    print (self, certificates, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

/* GObject overrides */

static void
sb_certificates_view_dispose (GObject *object)
{
  SbCertificatesView *self = SB_CERTIFICATES_VIEW (object);

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->programme);
  g_clear_object (&self->print_settings);
  g_clear_pointer (&self->printing, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CERTIFICATES_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (sb_certificates_view_parent_class)->dispose (object);
}

static void
sb_certificates_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sb_certificates_view_parent_class)->map (widget);

  reload_if_stale (SB_CERTIFICATES_VIEW (widget));
}

static void
sb_certificates_view_class_init (SbCertificatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_certificates_view_dispose;
  widget_class->map = sb_certificates_view_map;

  g_type_ensure (SB_TYPE_CERTIFICATE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-certificates-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, none_page);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, picture);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, details_label);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatesView, error_page);

  gtk_widget_class_install_action (widget_class, "certificates.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "certificates.reissue", NULL, reissue_action);
  gtk_widget_class_install_action (widget_class, "certificates.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "certificates.export", NULL);
  gtk_widget_class_install_action (widget_class, "certificates.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "certificates.print", NULL);
  gtk_widget_class_install_action (widget_class, "certificates.print-preview", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "certificates.print-all", NULL, print_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "certificates.print-all", NULL);
  gtk_widget_class_install_action (widget_class, "certificates.verify", NULL, verify_action);
}

static void
sb_certificates_view_init (SbCertificatesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->may_issue = TRUE;
  g_date_clear (&self->today, 1);
  sb_date_set_today (&self->today);

  self->items = g_list_store_new (SB_TYPE_CERTIFICATE_ITEM);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (SB_TYPE_CERTIFICATE_ITEM, NULL,
                                                                     "search-text"));
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->selection = gtk_single_selection_new (
    G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                             GTK_FILTER (g_object_ref (self->filter)))));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  sb_certificates_view_update_actions (self);
}

/* Public API */

/**
 * sb_certificates_view_set_programme:
 * @programme: (nullable): the open programme, or %NULL while a worker
 *   holds it
 */
void
sb_certificates_view_set_programme (SbCertificatesView *self,
                                    SbProgramme        *programme)
{
  SbCertificateItem *item;

  g_return_if_fail (SB_IS_CERTIFICATES_VIEW (self));
  g_return_if_fail (programme == NULL || SB_IS_PROGRAMME (programme));

  if (!g_set_object (&self->programme, programme))
    return;

  if (programme == NULL)
    {
      sb_certificates_view_update_actions (self);
      return;
    }

  /* Read when first shown: the window starts quicker, and a large
   * programme's list is not built for nothing. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  item = get_selected (self);
  reload (self, item ? sb_certificate_item_get_base_id (item) : 0);
}

void
sb_certificates_view_set_today (SbCertificatesView *self,
                                const GDate        *today)
{
  g_return_if_fail (SB_IS_CERTIFICATES_VIEW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
}

/**
 * sb_certificates_view_get_items:
 *
 * Returns: (transfer none): every row, as #SbCertificateItem, whatever
 *   the search shows
 */
GListModel *
sb_certificates_view_get_items (SbCertificatesView *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATES_VIEW (self), NULL);

  reload_if_stale (self);

  return G_LIST_MODEL (self->items);
}

gboolean
sb_certificates_view_select_base (SbCertificatesView *self,
                                  gint64              base_id)
{
  guint position;

  g_return_val_if_fail (SB_IS_CERTIFICATES_VIEW (self), FALSE);

  position = find_position (self, base_id);
  if (position == GTK_INVALID_LIST_POSITION
      && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      /* Hidden by the search: show everything again. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_string_filter_set_search (self->filter, NULL);
      position = find_position (self, base_id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * sb_certificates_view_issue:
 *
 * Issues the selected base's certificate, dated today, and shows it.
 */
gboolean
sb_certificates_view_issue (SbCertificatesView  *self,
                            GError             **error)
{
  g_autoptr(SbCertificate) certificate = NULL;
  g_autofree char *text = NULL;
  SbCertificateItem *item;
  gint64 base_id;

  g_return_val_if_fail (SB_IS_CERTIFICATES_VIEW (self), FALSE);

  item = get_selected (self);
  if (item == NULL || self->programme == NULL)
    {
      g_set_error_literal (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_FOUND,
                           _("No base is selected"));
      return FALSE;
    }

  base_id = sb_certificate_item_get_base_id (item);
  certificate = sb_certificate_store_issue (get_database (self), base_id, &self->today,
                                            g_get_real_name (), error);
  if (certificate == NULL)
    return FALSE;

  reload (self, base_id);
  text = g_strdup_printf (_("Issued certificate %s"), certificate->number);
  toast (self, text);
  return TRUE;
}

/**
 * sb_certificates_view_reissue:
 *
 * Reissues the selected base's certificate for @reason and shows the new
 * one; the old one becomes void.
 */
gboolean
sb_certificates_view_reissue (SbCertificatesView  *self,
                              const char          *reason,
                              GError             **error)
{
  g_autoptr(SbCertificate) certificate = NULL;
  g_autofree char *text = NULL;
  SbCertificateItem *item;
  gint64 base_id;

  g_return_val_if_fail (SB_IS_CERTIFICATES_VIEW (self), FALSE);

  item = get_selected (self);
  if (item == NULL || self->programme == NULL)
    {
      g_set_error_literal (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_FOUND,
                           _("No base is selected"));
      return FALSE;
    }

  base_id = sb_certificate_item_get_base_id (item);
  certificate = sb_certificate_store_reissue (get_database (self), base_id, reason, &self->today,
                                              g_get_real_name (), error);
  if (certificate == NULL)
    return FALSE;

  reload (self, base_id);
  text = g_strdup_printf (_("Reissued as certificate %s"), certificate->number);
  toast (self, text);
  return TRUE;
}

/**
 * sb_certificates_view_search:
 *
 * Shows only the rows whose name, lead unit or number contain @text.
 *
 * Returns: how many rows are shown
 */
guint
sb_certificates_view_search (SbCertificatesView *self,
                             const char         *text)
{
  g_return_val_if_fail (SB_IS_CERTIFICATES_VIEW (self), 0);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_string_filter_set_search (self->filter, text);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/**
 * sb_certificates_view_verify_file:
 * @status: (out) (optional): the verdict, when the file is a certificate
 *
 * Verifies a certificate file against the programme and shows the
 * verdict in a dialog.
 *
 * Returns: %TRUE if the file could be judged, %FALSE if it is not a
 *   readable certificate (the dialog says why)
 */
gboolean
sb_certificates_view_verify_file (SbCertificatesView   *self,
                                  const char           *path,
                                  SbVerificationStatus *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbVerification) verification = NULL;
  const char *heading;

  g_return_val_if_fail (SB_IS_CERTIFICATES_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->programme == NULL)
    return FALSE;

  verification = sb_certificate_verify_file (get_database (self), path, &error);
  if (verification == NULL)
    {
      show_verdict (self, _("Not a Certificate"), error->message);
      return FALSE;
    }

  switch (verification->status)
    {
    case SB_VERIFICATION_VALID:
      heading = _("Genuine Certificate");
      break;
    case SB_VERIFICATION_VOID:
      heading = _("Void Certificate");
      break;
    case SB_VERIFICATION_REVOKED:
      heading = _("Revoked Certificate");
      break;
    case SB_VERIFICATION_FORGED:
    default:
      heading = _("Forged or Altered Certificate");
      break;
    }
  show_verdict (self, heading, verification->explanation);

  if (status != NULL)
    *status = verification->status;
  return TRUE;
}

/**
 * sb_certificates_view_get_preview_state:
 *
 * Returns: "none" (no certificate), "nothing" (no base selected),
 *   "loading", "preview" or "error"
 */
const char *
sb_certificates_view_get_preview_state (SbCertificatesView *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATES_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->preview_stack);
}

/**
 * sb_certificates_view_get_preview:
 *
 * Returns: (transfer none) (nullable): the rendered certificate
 */
GdkPaintable *
sb_certificates_view_get_preview (SbCertificatesView *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATES_VIEW (self), NULL);

  return gtk_picture_get_paintable (self->picture);
}

/**
 * sb_certificates_view_set_may_issue:
 *
 * Whether the person using the view may issue and reissue certificates:
 * the provincial authority does (Art. 22); everyone may look, export,
 * print and verify.
 */
void
sb_certificates_view_set_may_issue (SbCertificatesView *self,
                                    gboolean            may_issue)
{
  g_return_if_fail (SB_IS_CERTIFICATES_VIEW (self));

  self->may_issue = !!may_issue;
  sb_certificates_view_update_actions (self);
}
