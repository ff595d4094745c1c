<?php
/**
 * The loader, on every front-end page, as a JavaScript module, with the stylesheet that reserves the widgets'
 * space; and the forwarding the settings declare.
 *
 * WordPress 6.5+ registers it with the Script Modules API. Older WordPress (Debian 12 ships 6.1) has no such
 * API: the loader is enqueued as a classic script in the footer and its tag is given type="module". The
 * loader fetches its chunks from the same folder (assets/) only when an element needs them.
 *
 * @package retainkit
 */

defined( 'ABSPATH' ) || exit;

const RETAINKIT_HANDLE = 'retainkit';

/** The loader's URL. */
function retainkit_loader_url() {
	return plugins_url( 'assets/retainkit.js', RETAINKIT_FILE );
}

add_action( 'wp_enqueue_scripts', 'retainkit_enqueue_loader' );
/**
 * Enqueues the loader as a module, by the API this WordPress has; and the stylesheet that keeps each widget's
 * space until its code arrives, so that nothing on the page moves when it draws (a file, not an inline style: a
 * strict Content-Security-Policy allows it).
 */
function retainkit_enqueue_loader() {
	wp_enqueue_style( RETAINKIT_HANDLE, plugins_url( 'assets/retainkit.css', RETAINKIT_FILE ), array(), RETAINKIT_VERSION );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( RETAINKIT_HANDLE, retainkit_loader_url(), array(), RETAINKIT_VERSION );
		return;
	}
	wp_enqueue_script( RETAINKIT_HANDLE, retainkit_loader_url(), array(), RETAINKIT_VERSION, true );
}

add_filter( 'script_loader_tag', 'retainkit_module_tag', 10, 2 );
/**
 * Before the Script Modules API: makes the loader's classic tag a module tag (the loader also works as a
 * classic script, but as a module it is deferred and runs once).
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function retainkit_module_tag( $tag, $handle ) {
	if ( RETAINKIT_HANDLE !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=(["\'])[^"\']*\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
}

add_action( 'wp_footer', 'retainkit_print_forwarding' );
/** The `<retain-forward>` elements of the settings page (they render nothing). */
function retainkit_print_forwarding() {
	$settings = retainkit_settings();
	$consent  = 'pending' === $settings['consent'] ? ' consent="pending"' : '';
	if ( $settings['forward_datalayer'] ) {
		echo '<retain-forward to="datalayer"' . $consent . '></retain-forward>' . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput -- constant markup.
	}
	if ( $settings['forward_endpoint'] ) {
		printf( '<retain-forward to="endpoint" url="%s"%s></retain-forward>' . "\n", esc_url( $settings['forward_endpoint'] ), $consent ); // phpcs:ignore WordPress.Security.EscapeOutput
	}
}
