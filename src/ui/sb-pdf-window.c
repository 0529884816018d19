/* sb-pdf-window.c: a PDF to read, search and annotate
 *
 * Opens a document of the document store, or any PDF from disk: pages one
 * under the other (SbPdfCanvas), thumbnails and the annotations in a
 * sidebar, zoom, page navigation, search with its hits highlighted, text
 * selection and copy, and the annotation tools.  A protected PDF asks for
 * its password; a file that cannot be read says why.
 *
 * Saving writes the annotations into a new PDF in the document store — the
 * original is not touched — and records them against the review they
 * belong to; opening the document again shows them, ready to edit.  The
 * window opens its own connection to the programme's database, so it
 * never shares one with the main window's loader thread.
 */
#define G_LOG_DOMAIN "sb-pdf-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sb-annotation-store.h"
#include "sb-database.h"
#include "sb-document-store.h"
#include "sb-pdf.h"
#include "sb-pdf-renderer.h"
#include "sb-pdf-window.h"

#define CACHE_BUDGET (160 * 1024 * 1024)
#define THUMBNAIL_WIDTH 120.0

struct _SbPdfWindow
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *title_widget;
  GtkToggleButton   *sidebar_button;
  GtkWidget         *page_box;
  GtkEntry          *page_entry;
  GtkLabel          *n_pages_label;
  GtkWidget         *save_button;
  GtkToggleButton   *search_button;
  GtkWidget         *zoom_box;
  GtkMenuButton     *zoom_button;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *search_label;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkWidget         *unlock_button;
  GtkColorButton    *colour_button;
  GtkLabel          *author_label;
  GtkWidget         *sidebar;
  GtkStack          *sidebar_stack;
  GtkListView       *thumbnails_view;
  GtkWidget         *review_box;
  GtkDropDown       *review_dropdown;
  GtkListBox        *annotation_list;
  SbPdfCanvas       *canvas;

  char              *database_path;   /* nullable */
  SbDatabase        *database;        /* this window's own connection, opened when needed */
  gint64             document_id;     /* 0: from disk, not in the store yet */
  gint64             base_id;
  char              *path;
  char              *display_name;
  char              *password;
  char              *author;
  char              *role;       /* the author's SbRole id, for the audit log */
  GBytes            *bytes;
  PopplerDocument   *document;        /* the main thread's */
  SbPdfRenderer     *renderer;
  GPtrArray         *annotations;     /* (element-type SbAnnotation) */
  GtkStringList     *pages_model;
  GHashTable        *thumbnails;      /* page → GtkPicture bound to it */
  double             thumbnail_scale;
  const char        *state;
  SbPdfTool          tool;
  char              *colours[SB_PDF_TOOL_INK + 1];  /* each tool's, "#rrggbb" */
  GtkWindow         *password_dialog; /* (nullable) (transfer none) */
  char              *search_status;
  gboolean           search_done;
  gboolean           modified;
  gboolean           closing;
  guint              open_source;
};

G_DEFINE_FINAL_TYPE (SbPdfWindow, sb_pdf_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_TOOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_document (SbPdfWindow *self);
static void show_annotations (SbPdfWindow *self);
static void edit_annotation (SbPdfWindow *self, SbAnnotation *annotation, gboolean is_new);

/* Helpers */

static void
toast (SbPdfWindow *self,
       const char  *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
set_state (SbPdfWindow *self,
           const char  *state)
{
  gboolean locked = g_str_equal (state, "password");

  self->state = state;
  /* A protected document waits for its password behind a locked page. */
  gtk_widget_set_visible (self->unlock_button, locked);
  if (locked)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is protected by a password"), self->display_name);

      adw_status_page_set_icon_name (self->error_page, "system-lock-screen-symbolic");
      adw_status_page_set_title (self->error_page, _("Password Required"));
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else if (g_str_equal (state, "error"))
    {
      adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->error_page, _("The Document Cannot Be Shown"));
    }
  if (g_str_equal (state, "loading") || g_str_equal (state, "error") || g_str_equal (state, "document"))
    gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
}

static void
sb_pdf_window_update_actions (SbPdfWindow *self)
{
  gboolean ready = self->document != NULL;
  int page = ready ? sb_pdf_canvas_get_page (self->canvas) : 0;
  int n_pages = ready ? sb_pdf_canvas_get_n_pages (self->canvas) : 0;
  double zoom = ready ? sb_pdf_canvas_get_zoom (self->canvas) : 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.previous-page", ready && page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.next-page", ready && page < n_pages - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in", ready && zoom < SB_PDF_ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out", ready && zoom > SB_PDF_ZOOM_MIN + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-reset", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-fit-width", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-fit-page", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find-next", ready && sb_pdf_canvas_get_n_hits (self->canvas) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find-previous", ready && sb_pdf_canvas_get_n_hits (self->canvas) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.copy", ready && sb_pdf_canvas_has_selection (self->canvas));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.save", ready && self->modified && self->database_path != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.delete-annotation",
                                 ready && sb_pdf_canvas_get_selected_annotation (self->canvas) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.toggle-sidebar", ready);
  gtk_widget_set_sensitive (self->page_box, ready);
  gtk_widget_set_sensitive (self->zoom_box, ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), ready);
}

static void
set_modified (SbPdfWindow *self,
              gboolean     modified)
{
  g_autofree char *subtitle = NULL;

  self->modified = modified;
  if (modified)
    subtitle = g_strdup (_("Annotations not saved"));
  else if (self->document_id > 0)
    subtitle = g_strdup (_("In the document store"));
  adw_window_title_set_subtitle (self->title_widget, subtitle ? subtitle : "");
  sb_pdf_window_update_actions (self);
}

static gboolean
ensure_database (SbPdfWindow  *self,
                 GError      **error)
{
  if (self->database != NULL)
    return TRUE;
  if (self->database_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No programme database is open, so the annotations cannot be stored"));
      return FALSE;
    }

  self->database = sb_database_open (self->database_path, SB_DATABASE_OPEN_FLAGS_NONE, error);
  if (self->database != NULL && self->role != NULL)
    sb_database_set_audit_actor (self->database, self->author, self->role);
  return self->database != NULL;
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: the date and time of an annotation; see g_date_time_format() */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static GdkRGBA
colour_of (const SbAnnotation *annotation)
{
  return (GdkRGBA) { annotation->red, annotation->green, annotation->blue, 1 };
}

static char *
rgba_to_colour (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) (CLAMP (rgba->red, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->green, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, g_object_get_data (G_OBJECT (area), "colour")))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* Thumbnails */

static void
thumbnail_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    SbPdfWindow              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, (int) (THUMBNAIL_WIDTH * 1.414));
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static GtkWidget *
thumbnail_picture (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *frame = gtk_widget_get_first_child (box);

  return gtk_frame_get_child (GTK_FRAME (frame));
}

static void
thumbnail_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SbPdfWindow              *self)
{
  int page = gtk_list_item_get_position (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  GtkWidget *picture = thumbnail_picture (item);
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  GdkTexture *texture;

  gtk_label_set_text (GTK_LABEL (label), number);
  texture = sb_pdf_renderer_lookup (self->renderer, page, self->thumbnail_scale);
  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
  if (texture == NULL)
    sb_pdf_renderer_want_thumbnail (self->renderer, page, self->thumbnail_scale);
  g_hash_table_insert (self->thumbnails, GINT_TO_POINTER (page), picture);
}

static void
thumbnail_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     SbPdfWindow              *self)
{
  int page = gtk_list_item_get_position (item);

  if (self->renderer != NULL)
    sb_pdf_renderer_unwant_thumbnail (self->renderer, page, self->thumbnail_scale);
  if (self->thumbnails != NULL && g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (page)) == thumbnail_picture (item))
    g_hash_table_remove (self->thumbnails, GINT_TO_POINTER (page));
}

static void
thumbnail_activate_cb (SbPdfWindow *self,
                       guint        position)
{
  sb_pdf_canvas_scroll_to_page (self->canvas, position);
}

static void
page_rendered_cb (SbPdfRenderer *renderer,
                  int            page,
                  double         scale,
                  SbPdfWindow   *self)
{
  GtkWidget *picture;

  if (fabs (scale - self->thumbnail_scale) > 0.0005)
    return;
  picture = g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (page));
  if (picture != NULL)
    gtk_picture_set_paintable (GTK_PICTURE (picture),
                               GDK_PAINTABLE (sb_pdf_renderer_lookup (renderer, page, scale)));
}

/* Search */

static void
set_search_status (SbPdfWindow *self,
                   const char  *status)
{
  g_free (self->search_status);
  self->search_status = g_strdup (status);
  gtk_label_set_text (self->search_label, status ? status : "");
}

static void
search_results_cb (SbPdfRenderer *renderer,
                   int            page,
                   GArray        *hits,
                   gboolean       done,
                   SbPdfWindow   *self)
{
  guint n;
  gboolean first = sb_pdf_canvas_get_n_hits (self->canvas) == 0;

  sb_pdf_canvas_add_hits (self->canvas, page, hits);
  n = sb_pdf_canvas_get_n_hits (self->canvas);
  self->search_done = done;

  /* Show the first hit as soon as there is one. */
  if (first && n > 0)
    sb_pdf_canvas_next_hit (self->canvas, FALSE, NULL);

  if (n == 0 && done)
    set_search_status (self, _("No matches"));
  else if (n > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);

      set_search_status (self, text);
    }
  sb_pdf_window_update_actions (self);
}

static void
search_changed_cb (SbPdfWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->renderer == NULL)
    return;

  sb_pdf_canvas_clear_search (self->canvas);
  self->search_done = FALSE;
  set_search_status (self, *text != '\0' ? _("Searching…") : NULL);
  sb_pdf_renderer_search (self->renderer, *text != '\0' ? text : NULL);
  sb_pdf_window_update_actions (self);
}

static void
move_to_hit (SbPdfWindow *self,
             gboolean     backwards)
{
  guint position;
  guint n = sb_pdf_canvas_get_n_hits (self->canvas);

  if (sb_pdf_canvas_next_hit (self->canvas, backwards, &position))
    {
      g_autofree char *text = NULL;

      /* Translators: the search hit shown, out of how many */
      text = g_strdup_printf (_("Match %u of %u"), position, n);
      set_search_status (self, text);
    }
}

static void
search_activate_cb (SbPdfWindow *self)
{
  move_to_hit (self, FALSE);
}

static void
search_next_cb (SbPdfWindow *self)
{
  move_to_hit (self, FALSE);
}

static void
search_previous_cb (SbPdfWindow *self)
{
  move_to_hit (self, TRUE);
}

static void
search_stop_cb (SbPdfWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       SbPdfWindow           *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      move_to_hit (self, TRUE);
      return TRUE;
    }

  return FALSE;
}

static void
search_mode_cb (SbPdfWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      sb_pdf_canvas_clear_search (self->canvas);
      if (self->renderer != NULL)
        sb_pdf_renderer_search (self->renderer, NULL);
      set_search_status (self, NULL);
      sb_pdf_window_update_actions (self);
    }
}

/* Annotations */

static void
remove_annotation (SbPdfWindow  *self,
                   SbAnnotation *annotation)
{
  if (sb_pdf_canvas_get_selected_annotation (self->canvas) == annotation)
    sb_pdf_canvas_set_selected_annotation (self->canvas, NULL);
  g_ptr_array_remove (self->annotations, annotation);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
  show_annotations (self);
  set_modified (self, TRUE);
}

static void
jump_to_annotation (SbPdfWindow  *self,
                    SbAnnotation *annotation)
{
  sb_pdf_canvas_set_selected_annotation (self->canvas, annotation);
  sb_pdf_canvas_scroll_to_area (self->canvas, annotation->page, &annotation->area);
  sb_pdf_window_update_actions (self);
}

static void
annotation_row_activated_cb (SbPdfWindow   *self,
                             GtkListBoxRow *row)
{
  SbAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  if (annotation != NULL)
    jump_to_annotation (self, annotation);
}

static void
row_edit_clicked_cb (GtkButton   *button,
                     SbPdfWindow *self)
{
  SbAnnotation *annotation = g_object_get_data (G_OBJECT (button), "annotation");

  jump_to_annotation (self, annotation);
  edit_annotation (self, annotation, FALSE);
}

static void
row_delete_clicked_cb (GtkButton   *button,
                       SbPdfWindow *self)
{
  remove_annotation (self, g_object_get_data (G_OBJECT (button), "annotation"));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
show_annotations (SbPdfWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->annotation_list))) != NULL)
    gtk_list_box_remove (self->annotation_list, child);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      SbAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      g_autofree char *title = NULL;
      g_autofree char *date = format_date (annotation->date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *edit = icon_button ("document-edit-symbolic", _("Edit Annotation"));
      GtkWidget *delete = icon_button ("user-trash-symbolic", _("Delete Annotation"));

      /* Translators: an annotation in the sidebar: its kind and its page */
      title = g_strdup_printf (_("%s, page %d"), sb_annotation_kind_get_label (annotation->kind),
                               annotation->page + 1);
      if (annotation->contents != NULL && *annotation->contents != '\0')
        subtitle = g_strdup_printf ("%s · %s\n%s", annotation->author, date, annotation->contents);
      else
        subtitle = g_strdup_printf ("%s · %s", annotation->author, date);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      gtk_widget_set_size_request (swatch, 12, 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (swatch, "annotation-swatch");
      {
        GdkRGBA colour = colour_of (annotation);
        g_autofree char *css_name = rgba_to_colour (&colour);

        g_object_set_data_full (G_OBJECT (swatch), "colour", g_steal_pointer (&css_name), g_free);
      }
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);

      g_object_set_data (G_OBJECT (row), "annotation", annotation);
      g_object_set_data (G_OBJECT (edit), "annotation", annotation);
      g_object_set_data (G_OBJECT (delete), "annotation", annotation);
      g_signal_connect (edit, "clicked", G_CALLBACK (row_edit_clicked_cb), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (row_delete_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      gtk_list_box_append (self->annotation_list, row);
    }
}

typedef struct
{
  SbPdfWindow    *self;
  SbAnnotation   *annotation;
  GtkTextBuffer  *buffer;
  GtkColorButton *colour;
  gboolean        is_new;
} EditData;

static void
edit_data_free (gpointer data)
{
  EditData *edit = data;

  g_object_unref (edit->self);
  g_object_unref (edit->buffer);
  g_object_unref (edit->colour);
  g_free (edit);
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  EditData         *edit)
{
  SbPdfWindow *self = edit->self;

  /* The annotation may have been deleted meanwhile from the sidebar. */
  if (!g_ptr_array_find (self->annotations, edit->annotation, NULL))
    return;

  if (g_str_equal (response, "save"))
    {
      GtkTextIter start, end;
      GdkRGBA rgba;
      g_autofree char *colour = NULL;

      gtk_text_buffer_get_bounds (edit->buffer, &start, &end);
      g_free (edit->annotation->contents);
      edit->annotation->contents = gtk_text_buffer_get_text (edit->buffer, &start, &end, FALSE);
      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (edit->colour), &rgba);
      colour = rgba_to_colour (&rgba);
      sb_annotation_set_colour (edit->annotation, colour);
      gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
      show_annotations (self);
      set_modified (self, TRUE);
    }
  else if (g_str_equal (response, "delete") || edit->is_new)
    {
      remove_annotation (self, edit->annotation);
    }
}

static void
edit_annotation (SbPdfWindow  *self,
                 SbAnnotation *annotation,
                 gboolean      is_new)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *colour_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *colour_label = gtk_label_new_with_mnemonic (_("_Colour"));
  GtkWidget *colour = gtk_color_button_new ();
  g_autofree char *date = format_date (annotation->date);
  g_autofree char *body = NULL;
  GdkRGBA rgba = colour_of (annotation);
  EditData *edit;

  /* Translators: under the heading of the annotation editor: page, author, date */
  body = g_strdup_printf (_("Page %d, by %s, %s"), annotation->page + 1, annotation->author, date);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       sb_annotation_kind_get_label (annotation->kind),
                                                       body));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), annotation->contents, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  annotation->kind == SB_ANNOTATION_FREE_TEXT
                                  ? _("Text on the page") : _("Comment"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (colour), &rgba);
  gtk_label_set_mnemonic_widget (GTK_LABEL (colour_label), colour);
  gtk_box_append (GTK_BOX (colour_row), colour_label);
  gtk_box_append (GTK_BOX (colour_row), colour);
  gtk_box_append (GTK_BOX (box), colour_row);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  edit = g_new0 (EditData, 1);
  edit->self = g_object_ref (self);
  edit->annotation = annotation;
  edit->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)));
  edit->colour = g_object_ref (GTK_COLOR_BUTTON (colour));
  edit->is_new = is_new;
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), edit,
                         (GClosureNotify) (void (*) (void)) edit_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text_view);
}

static void
annotation_added_cb (SbPdfWindow  *self,
                     SbAnnotation *annotation)
{
  show_annotations (self);
  set_modified (self, TRUE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "annotations");
  if (annotation->kind == SB_ANNOTATION_NOTE || annotation->kind == SB_ANNOTATION_FREE_TEXT)
    edit_annotation (self, annotation, TRUE);
}

/* A click on a note opens it; any other annotation is chosen, for the
 * Delete key or the sidebar. */
static void
annotation_activated_cb (SbPdfWindow  *self,
                         SbAnnotation *annotation)
{
  sb_pdf_window_update_actions (self);
  if (annotation != NULL
      && (annotation->kind == SB_ANNOTATION_NOTE || annotation->kind == SB_ANNOTATION_FREE_TEXT))
    edit_annotation (self, annotation, FALSE);
}

static void
selection_changed_cb (SbPdfWindow *self)
{
  sb_pdf_window_update_actions (self);
}

static void
colour_set_cb (SbPdfWindow *self)
{
  GdkRGBA rgba;
  g_autofree char *colour = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  colour = rgba_to_colour (&rgba);
  sb_pdf_canvas_set_colour (self->canvas, colour);
  g_free (self->colours[self->tool]);
  self->colours[self->tool] = g_steal_pointer (&colour);
}

/* Each tool remembers its colour: yellow highlights, blue underlines. */
static void
show_tool_colour (SbPdfWindow *self)
{
  GdkRGBA rgba;

  sb_pdf_canvas_set_colour (self->canvas, self->colours[self->tool]);
  if (gdk_rgba_parse (&rgba, self->colours[self->tool]))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
}

/* Pages and zoom */

static void
page_changed_cb (SbPdfWindow *self)
{
  int page = sb_pdf_canvas_get_page (self->canvas);
  g_autofree char *text = g_strdup_printf ("%d", page + 1);
  GtkSelectionModel *selection = gtk_list_view_get_model (self->thumbnails_view);

  /* The thumbnail of the page shown is selected, and in sight. */
  if (GTK_IS_SINGLE_SELECTION (selection)
      && gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)) != (guint) page)
    {
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), page);
      if (gtk_widget_get_mapped (GTK_WIDGET (self->thumbnails_view)))
        gtk_widget_activate_action (GTK_WIDGET (self->thumbnails_view), "list.scroll-to-item", "u", page);
    }

  if (!gtk_widget_has_focus (GTK_WIDGET (self->page_entry))
      && gtk_widget_get_focus_child (GTK_WIDGET (self->page_entry)) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text);
  sb_pdf_window_update_actions (self);
}

static void
page_entry_activate_cb (SbPdfWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  gint64 page;

  if (g_ascii_string_to_signed (text, 10, 1, MAX (1, sb_pdf_canvas_get_n_pages (self->canvas)), &page, NULL))
    {
      sb_pdf_canvas_scroll_to_page (self->canvas, page - 1);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("There is no page “%s”: the document has %d pages"),
                                                  text, sb_pdf_canvas_get_n_pages (self->canvas));

      toast (self, message);
      page_changed_cb (self);
    }
}

static void
zoom_changed_cb (SbPdfWindow *self)
{
  /* Translators: a zoom level; %d is a whole percentage */
  g_autofree char *label = g_strdup_printf (_("%d%%"), (int) (sb_pdf_canvas_get_zoom (self->canvas) * 100 + 0.5));

  gtk_menu_button_set_label (self->zoom_button, label);
  sb_pdf_window_update_actions (self);
}

/* Opening */

static void
password_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SbPdfWindow      *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_str_equal (response, "unlock"))
    {
      sb_pdf_window_set_password (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
      return;
    }

  set_state (self, "password");
}

static void
ask_password (SbPdfWindow *self,
              GError      *error)
{
  AdwMessageDialog *dialog;
  /* A plain entry: GTK 4.8's GtkPasswordEntry warns when destroyed with
   * the keyboard focus. */
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = NULL;

  if (g_error_matches (error, SB_PDF_ERROR, SB_PDF_ERROR_BAD_PASSWORD))
    body = g_strdup_printf (_("The password is not correct. Enter the password of “%s”."), self->display_name);
  else
    body = g_strdup_printf (_("“%s” is protected by a password. Enter it to open the document."),
                            self->display_name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Password Required"), body));
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "unlock", _("_Unlock"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "unlock");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self, 0);
  self->password_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->password_dialog);
  set_state (self, "password");
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Saving records the annotations against the review chosen. */
static void
review_changed_cb (SbPdfWindow *self)
{
  if (self->annotations->len > 0)
    set_modified (self, TRUE);
}

static void
load_annotations (SbPdfWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  SbReviewKind kind = SB_REVIEW_FORMAL;
  gint64 review_id = 0;

  for (guint i = 0; i < SB_N_REVIEW_KINDS; i++)
    gtk_string_list_append (kinds, sb_review_kind_get_label (i));
  gtk_drop_down_set_model (self->review_dropdown, G_LIST_MODEL (kinds));

  self->base_id = 0;
  if (self->document_id > 0 && ensure_database (self, &error))
    {
      self->base_id = sb_annotation_store_get_document_base (self->database, self->document_id);
      if (self->base_id > 0)
        {
          kind = sb_annotation_store_suggest_review_kind (self->database, self->base_id);
          review_id = sb_annotation_store_find_latest_review (self->database, self->document_id,
                                                              self->author, &kind);
        }
      loaded = sb_annotation_store_load (self->database, self->document_id, review_id, &error);
    }
  gtk_drop_down_set_selected (self->review_dropdown, kind);
  gtk_widget_set_visible (self->review_box, self->base_id > 0);
  g_signal_connect_object (self->review_dropdown, "notify::selected",
                           G_CALLBACK (review_changed_cb), self, G_CONNECT_SWAPPED);

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The annotations could not be read: %s"), error->message);

      toast (self, message);
    }

  for (guint i = 0; loaded != NULL && i < loaded->len; i++)
    g_ptr_array_add (self->annotations, sb_annotation_copy (g_ptr_array_index (loaded, i)));
  show_annotations (self);
}

static void
show_document (SbPdfWindow *self)
{
  g_autofree char *pages = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;
  int n_pages = poppler_document_get_n_pages (self->document);
  PopplerPage *first = poppler_document_get_page (self->document, 0);
  double width = 595, height;

  if (first != NULL)
    {
      poppler_page_get_size (first, &width, &height);
      g_object_unref (first);
    }
  self->thumbnail_scale = THUMBNAIL_WIDTH / MAX (width, 1) * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  self->renderer = sb_pdf_renderer_new (self->bytes, self->password, CACHE_BUDGET);
  g_signal_connect_object (self->renderer, "page-rendered", G_CALLBACK (page_rendered_cb), self, 0);
  g_signal_connect_object (self->renderer, "search-results", G_CALLBACK (search_results_cb), self, 0);

  load_annotations (self);
  sb_pdf_canvas_set_document (self->canvas, self->document, self->renderer, self->annotations);

  /* Translators: after the page number entry: of how many pages */
  pages = g_strdup_printf (_("of %d"), n_pages);
  gtk_label_set_text (self->n_pages_label, pages);

  self->pages_model = gtk_string_list_new (NULL);
  for (int i = 0; i < n_pages; i++)
    gtk_string_list_append (self->pages_model, "");
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (thumbnail_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (thumbnail_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (thumbnail_unbind_cb), self);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->pages_model))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_list_view_set_factory (self->thumbnails_view, factory);
  gtk_list_view_set_model (self->thumbnails_view, selection);

  set_state (self, "document");
  page_changed_cb (self);
  zoom_changed_cb (self);
  set_modified (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
open_document (SbPdfWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->path == NULL && self->document_id > 0)
    {
      if (ensure_database (self, &error))
        self->path = sb_document_store_get_path (self->database, self->document_id, &error);
    }
  if (self->path != NULL && self->bytes == NULL)
    self->bytes = sb_pdf_load_bytes (self->path, &error);
  if (self->bytes != NULL)
    self->document = sb_pdf_open_bytes (self->bytes, self->display_name, self->password, &error);

  /* A file from disk that is in the store already comes with the
   * annotations saved for it. */
  if (self->document != NULL && self->document_id == 0 && self->database_path != NULL
      && ensure_database (self, NULL))
    self->document_id = sb_annotation_store_find_document (self->database, self->bytes);

  if (self->document != NULL)
    {
      show_document (self);
      return;
    }

  if (g_error_matches (error, SB_PDF_ERROR, SB_PDF_ERROR_NEEDS_PASSWORD)
      || g_error_matches (error, SB_PDF_ERROR, SB_PDF_ERROR_BAD_PASSWORD))
    {
      ask_password (self, error);
      return;
    }

  adw_status_page_set_description (self->error_page, error->message);
  set_state (self, "error");
  sb_pdf_window_update_actions (self);
}

static gboolean
open_idle_cb (gpointer data)
{
  SbPdfWindow *self = data;

  self->open_source = 0;
  open_document (self);
  return G_SOURCE_REMOVE;
}

/* Actions */

static void
zoom_by (SbPdfWindow *self,
         double       factor)
{
  /* Steps that land on round percentages. */
  static const double steps[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5,
                                  1.75, 2.0, 2.5, 3.0, 4.0 };
  double zoom = sb_pdf_canvas_get_zoom (self->canvas);
  double next = zoom;

  if (factor > 1)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (steps[i] > zoom + 0.005)
          {
            next = steps[i];
            break;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (steps); i > 0; i--)
        if (steps[i - 1] < zoom - 0.005)
          {
            next = steps[i - 1];
            break;
          }
    }
  sb_pdf_canvas_set_zoom (self->canvas, next);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (SB_PDF_WINDOW (widget), 2);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (SB_PDF_WINDOW (widget), 0.5);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sb_pdf_canvas_set_zoom (SB_PDF_WINDOW (widget)->canvas, 1.0);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sb_pdf_canvas_set_zoom (SB_PDF_WINDOW (widget)->canvas, g_variant_get_double (parameter));
}

static void
zoom_fit_width_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sb_pdf_canvas_set_zoom_mode (SB_PDF_WINDOW (widget)->canvas, SB_PDF_ZOOM_FIT_WIDTH);
}

static void
zoom_fit_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sb_pdf_canvas_set_zoom_mode (SB_PDF_WINDOW (widget)->canvas, SB_PDF_ZOOM_FIT_PAGE);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbPdfWindow *self = SB_PDF_WINDOW (widget);

  sb_pdf_canvas_scroll_to_page (self->canvas, sb_pdf_canvas_get_page (self->canvas) - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbPdfWindow *self = SB_PDF_WINDOW (widget);

  sb_pdf_canvas_scroll_to_page (self->canvas, sb_pdf_canvas_get_page (self->canvas) + 1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbPdfWindow *self = SB_PDF_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_to_hit (SB_PDF_WINDOW (widget), FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_to_hit (SB_PDF_WINDOW (widget), TRUE);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbPdfWindow *self = SB_PDF_WINDOW (widget);
  g_autofree char *text = sb_pdf_canvas_dup_selected_text (self->canvas);

  if (text != NULL)
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
      toast (self, _("Copied"));
    }
}

static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SbPdfWindow *self = SB_PDF_WINDOW (widget);
  SbAnnotation *annotation = sb_pdf_canvas_get_selected_annotation (self->canvas);

  if (annotation != NULL)
    remove_annotation (self, annotation);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbPdfWindow *self = SB_PDF_WINDOW (widget);

  if (self->password_dialog == NULL && self->document == NULL)
    ask_password (self, NULL);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbPdfWindow *self = SB_PDF_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_button, !gtk_toggle_button_get_active (self->sidebar_button));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbPdfWindow *self = SB_PDF_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sb_pdf_window_save (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The annotations could not be saved: %s"), error->message);
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("Not Saved"), message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  toast (self, _("Saved a copy with the annotations in the document store"));
  if (self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SbPdfWindow      *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->modified = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->closing = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "pdf.save", NULL);
      self->closing = FALSE;
    }
}

static gboolean
sb_pdf_window_close_request (GtkWindow *window)
{
  SbPdfWindow *self = SB_PDF_WINDOW (window);
  AdwMessageDialog *dialog;

  if (!self->modified)
    return GTK_WINDOW_CLASS (sb_pdf_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Annotations?"),
                                                       _("The annotations made since the document was "
                                                         "opened or last saved will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  if (self->database_path == NULL)
    adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* GObject */

static void
sb_pdf_window_dispose (GObject *object)
{
  SbPdfWindow *self = (SbPdfWindow *)object;

  g_clear_handle_id (&self->open_source, g_source_remove);
  if (self->password_dialog != NULL)
    gtk_window_destroy (self->password_dialog);
  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (self->renderer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PDF_WINDOW);
  g_clear_object (&self->renderer);
  g_clear_object (&self->document);
  g_clear_object (&self->database);
  g_clear_object (&self->pages_model);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (sb_pdf_window_parent_class)->dispose (object);
}

static void
sb_pdf_window_finalize (GObject *object)
{
  SbPdfWindow *self = (SbPdfWindow *)object;

  g_free (self->database_path);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self->password);
  g_free (self->author);
  g_free (self->role);
  g_free (self->search_status);
  for (guint i = 0; i < G_N_ELEMENTS (self->colours); i++)
    g_free (self->colours[i]);

  G_OBJECT_CLASS (sb_pdf_window_parent_class)->finalize (object);
}

static void
sb_pdf_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbPdfWindow *self = SB_PDF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_int (value, self->tool);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_pdf_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SbPdfWindow *self = SB_PDF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      if (self->tool != (SbPdfTool) g_value_get_int (value))
        {
          self->tool = g_value_get_int (value);
          if (self->canvas != NULL)
            {
              show_tool_colour (self);
              /* Text already selected is marked at once. */
              if (self->tool == SB_PDF_TOOL_HIGHLIGHT)
                sb_pdf_canvas_annotate_selection (self->canvas, SB_ANNOTATION_HIGHLIGHT);
              else if (self->tool == SB_PDF_TOOL_UNDERLINE)
                sb_pdf_canvas_annotate_selection (self->canvas, SB_ANNOTATION_UNDERLINE);
              sb_pdf_canvas_set_tool (self->canvas, self->tool);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_pdf_window_class_init (SbPdfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sb_pdf_window_dispose;
  object_class->finalize = sb_pdf_window_finalize;
  object_class->get_property = sb_pdf_window_get_property;
  object_class->set_property = sb_pdf_window_set_property;
  window_class->close_request = sb_pdf_window_close_request;

  properties[PROP_TOOL] =
    g_param_spec_int ("tool", NULL, NULL, SB_PDF_TOOL_SELECT, SB_PDF_TOOL_INK, SB_PDF_TOOL_SELECT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_PDF_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-pdf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, title_widget);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, page_box);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, page_entry);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, search_label);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, colour_button);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, author_label);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, thumbnails_view);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, review_box);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, review_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, annotation_list);
  gtk_widget_class_bind_template_child (widget_class, SbPdfWindow, canvas);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotation_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotation_added_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, colour_set_cb);

  gtk_widget_class_install_property_action (widget_class, "pdf.tool", "tool");
  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "pdf.zoom-reset", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-fit-width", NULL, zoom_fit_width_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-fit-page", NULL, zoom_fit_page_action);
  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, previous_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "pdf.previous-page", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "pdf.next-page", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pdf.find", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.find-next", NULL, find_next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "pdf.find-next", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.find-previous", NULL, find_previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pdf.find-previous", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "pdf.copy", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "pdf.save", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.delete-annotation", NULL, delete_annotation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "pdf.delete-annotation", NULL);
  gtk_widget_class_install_action (widget_class, "pdf.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "pdf.unlock", NULL, unlock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "pdf.toggle-sidebar", NULL);
}

static void
sb_pdf_window_init (SbPdfWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *signed_as = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  self->thumbnails = g_hash_table_new (NULL, NULL);
  self->author = sb_annotation_get_default_author ();
  self->state = "loading";
  sb_pdf_canvas_set_author (self->canvas, self->author);

  /* Translators: who new annotations are signed by */
  signed_as = g_strdup_printf (_("Annotating as %s"), self->author);
  gtk_label_set_text (self->author_label, signed_as);
  self->colours[SB_PDF_TOOL_SELECT] = g_strdup (sb_annotation_kind_get_default_colour (SB_ANNOTATION_HIGHLIGHT));
  self->colours[SB_PDF_TOOL_HIGHLIGHT] = g_strdup (sb_annotation_kind_get_default_colour (SB_ANNOTATION_HIGHLIGHT));
  self->colours[SB_PDF_TOOL_UNDERLINE] = g_strdup (sb_annotation_kind_get_default_colour (SB_ANNOTATION_UNDERLINE));
  self->colours[SB_PDF_TOOL_NOTE] = g_strdup (sb_annotation_kind_get_default_colour (SB_ANNOTATION_NOTE));
  self->colours[SB_PDF_TOOL_FREE_TEXT] = g_strdup (sb_annotation_kind_get_default_colour (SB_ANNOTATION_FREE_TEXT));
  self->colours[SB_PDF_TOOL_INK] = g_strdup (sb_annotation_kind_get_default_colour (SB_ANNOTATION_INK));
  show_tool_colour (self);

  g_object_bind_property (self->sidebar_button, "active", self->sidebar, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  gtk_list_box_set_placeholder (self->annotation_list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No annotations yet. Choose a tool above the page and mark the document."),
                                              "wrap", TRUE,
                                              "justify", GTK_JUSTIFY_CENTER,
                                              "margin-top", 24, "margin-start", 12, "margin-end", 12,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));

  set_state (self, "loading");
  sb_pdf_window_update_actions (self);
}

/* Public API */

/**
 * sb_pdf_window_new:
 * @database_path: (nullable): the programme's database, where annotations
 *   are stored
 * @document_id: a document of the store, or 0 to open @path
 * @path: (nullable): a PDF on disk, when @document_id is 0
 */
SbPdfWindow *
sb_pdf_window_new (GtkApplication *application,
                   const char     *database_path,
                   gint64          document_id,
                   const char     *path)
{
  SbPdfWindow *self;

  g_return_val_if_fail (document_id > 0 || path != NULL, NULL);

  self = g_object_new (SB_TYPE_PDF_WINDOW, "application", application, NULL);
  self->database_path = g_strdup (database_path);
  self->document_id = document_id;
  self->path = g_strdup (path);
  if (path != NULL)
    self->display_name = g_filename_display_basename (path);
  else
    self->display_name = g_strdup (_("Document"));

  /* A stored document is shown by the name it was added with. */
  if (document_id > 0)
    {
      g_autoptr(GError) error = NULL;

      if (ensure_database (self, &error))
        {
          /* An annotated copy opens as its original with the annotations,
           * which can then be edited: the copy is only their print. */
          gint64 original = sb_annotation_store_find_original (self->database, document_id);
          sqlite3_stmt *stmt;

          if (original > 0)
            {
              self->document_id = document_id = original;
              toast (self, _("Showing the original document with the annotations, ready to edit"));
            }

          stmt = sb_database_prepare (self->database,
                                                    "SELECT file_name FROM documents WHERE id = ?", NULL);

          if (stmt != NULL)
            {
              sqlite3_bind_int64 (stmt, 1, document_id);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                {
                  g_free (self->display_name);
                  self->display_name = sb_column_dup_text (stmt, 0);
                }
              sqlite3_reset (stmt);
            }
        }
    }

  adw_window_title_set_title (self->title_widget, self->display_name);
  gtk_window_set_title (GTK_WINDOW (self), self->display_name);
  /* After the window is first drawn, with its spinner. */
  self->open_source = g_idle_add_full (G_PRIORITY_LOW, open_idle_cb, self, NULL);

  return self;
}

/**
 * sb_pdf_window_get_state:
 *
 * Returns: "loading", "password", "error" or "document"
 */
const char *
sb_pdf_window_get_state (SbPdfWindow *self)
{
  g_return_val_if_fail (SB_IS_PDF_WINDOW (self), NULL);

  return self->state;
}

SbPdfCanvas *
sb_pdf_window_get_canvas (SbPdfWindow *self)
{
  g_return_val_if_fail (SB_IS_PDF_WINDOW (self), NULL);

  return self->canvas;
}

/**
 * sb_pdf_window_get_annotations:
 *
 * Returns: (transfer none) (element-type SbAnnotation): the annotations
 */
GPtrArray *
sb_pdf_window_get_annotations (SbPdfWindow *self)
{
  g_return_val_if_fail (SB_IS_PDF_WINDOW (self), NULL);

  return self->annotations;
}

gint64
sb_pdf_window_get_document_id (SbPdfWindow *self)
{
  g_return_val_if_fail (SB_IS_PDF_WINDOW (self), 0);

  return self->document_id;
}

gboolean
sb_pdf_window_get_modified (SbPdfWindow *self)
{
  g_return_val_if_fail (SB_IS_PDF_WINDOW (self), FALSE);

  return self->modified;
}

/**
 * sb_pdf_window_save:
 *
 * Stores the annotations: a document opened from disk is first added to
 * the document store, then a copy with the annotations is written beside
 * it and the annotations are recorded against the review chosen.
 */
gboolean
sb_pdf_window_save (SbPdfWindow  *self,
                    GError      **error)
{
  GDate today;
  gint64 review_id = 0;
  gint64 annotated_id;

  g_return_val_if_fail (SB_IS_PDF_WINDOW (self), FALSE);

  if (self->document == NULL)
    return TRUE;
  if (!ensure_database (self, error))
    return FALSE;

  if (self->document_id == 0)
    {
      self->document_id = sb_document_store_import (self->database, self->path, 0, "attachment", error);
      if (self->document_id == 0)
        return FALSE;
    }

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  self->base_id = sb_annotation_store_get_document_base (self->database, self->document_id);
  if (self->base_id > 0)
    {
      review_id = sb_annotation_store_ensure_review (self->database, self->base_id,
                                                     gtk_drop_down_get_selected (self->review_dropdown),
                                                     self->author, &today, error);
      if (review_id == 0)
        return FALSE;
    }

  annotated_id = sb_annotation_store_save (self->database, self->document_id, review_id, self->password,
                                           self->annotations, error);
  if (annotated_id == 0)
    return FALSE;

  set_modified (self, FALSE);
  return TRUE;
}

void
sb_pdf_window_set_password (SbPdfWindow *self,
                            const char  *password)
{
  g_return_if_fail (SB_IS_PDF_WINDOW (self));

  if (self->document != NULL)
    return;
  if (self->password_dialog != NULL)
    gtk_window_destroy (self->password_dialog);
  g_free (self->password);
  self->password = g_strdup (password);
  set_state (self, "loading");
  open_document (self);
}

/* Starts a search as typing @text in the search bar does. */
void
sb_pdf_window_find (SbPdfWindow *self,
                    const char  *text)
{
  g_return_if_fail (SB_IS_PDF_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

const char *
sb_pdf_window_get_search_status (SbPdfWindow *self)
{
  g_return_val_if_fail (SB_IS_PDF_WINDOW (self), NULL);

  return self->search_status;
}

/**
 * sb_pdf_window_set_author:
 * @author: who new annotations are signed by
 * @role: (nullable): the #SbRole id they act in, for the audit log
 *
 * The current profile, when there is one; otherwise the user's real name.
 */
void
sb_pdf_window_set_author (SbPdfWindow *self,
                          const char  *author,
                          const char  *role)
{
  g_autofree char *signed_as = NULL;

  g_return_if_fail (SB_IS_PDF_WINDOW (self));
  g_return_if_fail (author != NULL);

  g_free (self->author);
  self->author = g_strdup (author);
  g_free (self->role);
  self->role = g_strdup (role);
  sb_pdf_canvas_set_author (self->canvas, self->author);
  signed_as = g_strdup_printf (_("Annotating as %s"), self->author);
  gtk_label_set_text (self->author_label, signed_as);
  if (self->database != NULL && self->role != NULL)
    sb_database_set_audit_actor (self->database, self->author, self->role);
}
