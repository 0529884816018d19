/* sb-certificate-preview-window.c: the print preview of certificates
 *
 * GtkPrintOperation hands its preview to the application (the "preview"
 * signal) instead of an external viewer, which an official's machine may
 * not have.  This window renders each page through the operation itself,
 * with the paper, orientation and margins the print dialog chose, one
 * page per idle turn so that a preview of a hundred certificates fills in
 * without freezing the window.  "Print…" closes it and asks for the print
 * dialog again, through the "print" signal.
 */
#define G_LOG_DOMAIN "sb-certificate-preview-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sb-certificate-preview-window.h"

/* Pages are shown this wide, in logical pixels. */
#define PAGE_WIDTH 900

struct _SbCertificatePreviewWindow
{
  AdwWindow                 parent_instance;

  /* Template widgets */
  AdwWindowTitle           *window_title;
  GtkBox                   *pages_box;

  GtkPrintOperation        *operation;
  GtkPrintOperationPreview *preview;
  GtkPrintContext          *context;
  cairo_surface_t          *surface;    /* the page being rendered */
  int                       n_pages;
  int                       next_page;
  guint                     idle_id;
  gboolean                  ended;
};

G_DEFINE_FINAL_TYPE (SbCertificatePreviewWindow, sb_certificate_preview_window, ADW_TYPE_WINDOW)

enum {
  PRINT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
end_preview (SbCertificatePreviewWindow *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->preview != NULL && !self->ended)
    {
      self->ended = TRUE;
      gtk_print_operation_preview_end_preview (self->preview);
    }
}

/* Before each page is drawn: a surface of its paper's size. */
static void
got_page_size_cb (GtkPrintOperationPreview   *preview,
                  GtkPrintContext            *context,
                  GtkPageSetup               *page_setup,
                  SbCertificatePreviewWindow *self)
{
  double width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  double scale = PAGE_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self)) / width;
  cairo_t *cr;

  g_clear_pointer (&self->surface, cairo_surface_destroy);
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                              (int) ceil (height * scale));
  cr = cairo_create (self->surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gtk_print_context_set_cairo_context (context, cr, 72 * scale, 72 * scale);
  cairo_destroy (cr);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static gboolean
render_next_page (gpointer user_data)
{
  SbCertificatePreviewWindow *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *picture;

  if (self->next_page >= self->n_pages)
    {
      self->idle_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_print_operation_preview_render_page (self->preview, self->next_page);
  if (self->surface != NULL)
    {
      /* The context keeps the cairo context; the surface lives in the texture. */
      texture = texture_from_surface (self->surface);
      g_clear_pointer (&self->surface, cairo_surface_destroy);

      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, -1, PAGE_WIDTH * gdk_texture_get_height (texture)
                                                / gdk_texture_get_width (texture) / 2);
      label = g_strdup_printf (_("Page %d of %d"), self->next_page + 1, self->n_pages);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), label);
      gtk_widget_add_css_class (picture, "card");
      gtk_box_append (self->pages_box, picture);
    }

  self->next_page++;
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages", self->n_pages),
                              self->n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  return G_SOURCE_CONTINUE;
}

/* Pagination is done: the number of pages is known. */
static void
ready_cb (GtkPrintOperationPreview   *preview,
          GtkPrintContext            *context,
          SbCertificatePreviewWindow *self)
{
  g_object_get (self->operation, "n-pages", &self->n_pages, NULL);
  self->next_page = 0;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (render_next_page, self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbCertificatePreviewWindow *self = SB_CERTIFICATE_PREVIEW_WINDOW (widget);

  end_preview (self);
  g_signal_emit (self, signals[PRINT], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
sb_certificate_preview_window_close_request (GtkWindow *window)
{
  end_preview (SB_CERTIFICATE_PREVIEW_WINDOW (window));

  return GTK_WINDOW_CLASS (sb_certificate_preview_window_parent_class)->close_request (window);
}

static void
sb_certificate_preview_window_dispose (GObject *object)
{
  SbCertificatePreviewWindow *self = SB_CERTIFICATE_PREVIEW_WINDOW (object);

  end_preview (self);
  if (self->preview != NULL)
    g_signal_handlers_disconnect_by_data (self->preview, self);
  g_clear_object (&self->preview);
  g_clear_object (&self->context);
  g_clear_object (&self->operation);
  g_clear_pointer (&self->surface, cairo_surface_destroy);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CERTIFICATE_PREVIEW_WINDOW);

  G_OBJECT_CLASS (sb_certificate_preview_window_parent_class)->dispose (object);
}

static void
sb_certificate_preview_window_class_init (SbCertificatePreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sb_certificate_preview_window_dispose;
  window_class->close_request = sb_certificate_preview_window_close_request;

  /**
   * SbCertificatePreviewWindow::print:
   *
   * The user asked to print what the preview shows.
   */
  signals[PRINT] = g_signal_new ("print", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/shanxi/StdBase/ui/sb-certificate-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbCertificatePreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbCertificatePreviewWindow, pages_box);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_certificate_preview_window_init (SbCertificatePreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sb_certificate_preview_window_new:
 *
 * A window that shows the preview the print operation asked for (from
 * its "preview" signal); the handler returns %TRUE and presents it.
 */
SbCertificatePreviewWindow *
sb_certificate_preview_window_new (GtkWindow                *parent,
                                   GtkPrintOperation        *operation,
                                   GtkPrintOperationPreview *preview,
                                   GtkPrintContext          *context)
{
  SbCertificatePreviewWindow *self;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION_PREVIEW (preview), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_CONTEXT (context), NULL);

  self = g_object_new (SB_TYPE_CERTIFICATE_PREVIEW_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->operation = g_object_ref (operation);
  self->preview = g_object_ref (preview);
  self->context = g_object_ref (context);

  /* The operation paginates with the context's cairo context before the
   * first page's size is known: lend it one, replaced for each page. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);

    gtk_print_context_set_cairo_context (context, cr, 72, 72);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  g_signal_connect (preview, "got-page-size", G_CALLBACK (got_page_size_cb), self);
  g_signal_connect (preview, "ready", G_CALLBACK (ready_cb), self);

  return self;
}

/**
 * sb_certificate_preview_window_get_n_shown:
 *
 * Returns: how many pages are rendered so far
 */
guint
sb_certificate_preview_window_get_n_shown (SbCertificatePreviewWindow *self)
{
  g_return_val_if_fail (SB_IS_CERTIFICATE_PREVIEW_WINDOW (self), 0);

  return self->next_page;
}
