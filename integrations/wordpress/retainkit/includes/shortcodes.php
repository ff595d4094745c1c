<?php
/**
 * One shortcode per element, rendered on the server: `[retain_spin_wheel cooldown="7d" hide-odds]` becomes
 * `<retain-spin-wheel cooldown="7d" hide-odds></retain-spin-wheel>`. Shortcodes, not the elements
 * themselves, because WordPress removes unknown tags such as <retain-spin-wheel> from post content (KSES)
 * for most users; a shortcode's output is made when the page is shown, after that filter.
 *
 * The elements and their attributes come from includes/elements.php, generated from the kit's
 * custom-elements.json by `npm run build`: a new widget brings its shortcode.
 *
 * @package retainkit
 */

defined( 'ABSPATH' ) || exit;

/** What `<retain-slice>`, a spin wheel's prize, takes (it is not an element of its own). */
const RETAINKIT_SLICE_ATTRIBUTES = array( 'weight', 'type', 'code', 'codes', 'color', 'name', 'label' );
/** What every element takes besides its own attributes. */
const RETAINKIT_COMMON_ATTRIBUTES = array( 'id', 'class', 'loading' );

/** The kit's elements: tag => array( summary, attributes => name => description, booleans ). */
function retainkit_elements() {
	static $elements = null;
	if ( null === $elements ) {
		$file     = __DIR__ . '/elements.php';
		$elements = is_readable( $file ) ? require $file : array();
	}
	return $elements;
}

/**
 * `retain-spin-wheel` → `retain_spin_wheel`.
 *
 * @param string $tag An element's tag.
 * @return string
 */
function retainkit_shortcode_name( $tag ) {
	return str_replace( '-', '_', $tag );
}

add_action( 'init', 'retainkit_register_shortcodes' );
/** Registers `[retain_…]` for each element, and `[retain_slice]`. */
function retainkit_register_shortcodes() {
	foreach ( retainkit_elements() as $tag => $element ) {
		add_shortcode(
			retainkit_shortcode_name( $tag ),
			function ( $atts, $content = '' ) use ( $tag, $element ) {
				return retainkit_render_element( $tag, array_keys( $element['attributes'] ), $element['booleans'], $atts, $content );
			}
		);
	}
	add_shortcode(
		'retain_slice',
		function ( $atts, $content = '' ) {
			return retainkit_render_element( 'retain-slice', RETAINKIT_SLICE_ATTRIBUTES, array(), $atts, esc_html( trim( wp_strip_all_tags( (string) $content ) ) ) );
		}
	);
}

/**
 * The element's HTML: known attributes escaped, unknown ones left out and named in an HTML comment.
 * A value-less attribute (`hide-odds`) is a boolean one; `hide-odds="no"` (or false, 0, off) leaves it off.
 *
 * @param string       $tag      The element.
 * @param string[]     $allowed  Its attributes.
 * @param string[]     $booleans Those of them that are on or off.
 * @param array|string $atts     The shortcode's attributes.
 * @param string       $content  What the shortcode encloses (prizes of a wheel).
 * @return string
 */
function retainkit_render_element( $tag, $allowed, $booleans, $atts, $content ) {
	$allowed    = array_merge( $allowed, RETAINKIT_COMMON_ATTRIBUTES );
	$attributes = '';
	$unknown    = array();
	foreach ( (array) $atts as $key => $value ) {
		$bare  = is_int( $key );
		$name  = strtolower( $bare ? (string) $value : (string) $key );
		$value = $bare ? null : (string) $value;
		if ( ! in_array( $name, $allowed, true ) ) {
			$unknown[] = $name;
			continue;
		}
		if ( in_array( $name, $booleans, true ) || $bare ) {
			$off         = null !== $value && in_array( strtolower( $value ), array( 'no', 'false', '0', 'off' ), true );
			$attributes .= $off ? '' : ' ' . $name;
			continue;
		}
		$attributes .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
	}
	// What wpautop put between a wheel's prizes (paragraphs, line breaks) is not part of them.
	$inner = preg_replace( '#</?p>|<br\s*/?>#i', '', do_shortcode( (string) $content ) );
	$html  = sprintf( '<%1$s%2$s>%3$s</%1$s>', $tag, $attributes, trim( $inner ) );
	if ( $unknown ) {
		$html = sprintf( '<!-- retainkit: [%s] has no attribute %s; left out -->', retainkit_shortcode_name( $tag ), esc_html( implode( ', ', $unknown ) ) ) . $html;
	}
	return $html;
}
