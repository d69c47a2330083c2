import { can, type Role } from '@antoan/core';
import { useRouter, type RegisteredRouter } from '@tanstack/react-router';
import type { MessageKey } from '../i18n.js';

type RoutePath = RegisteredRouter['routeTree']['fullPath'] | keyof RegisteredRouter['routesByPath'];
/** A path without params (`/units`, not `/units/$unitId`): a navigation entry opens it as it is. */
type StaticPath = Exclude<RoutePath, `${string}$${string}`>;
const isStatic = (path: RoutePath): path is StaticPath => !path.includes('$');

export interface NavigationItem {
  to: StaticPath;
  label: MessageKey;
}

/**
 * The main navigation, read from the routes themselves (router.tsx): the pages whose route carries a
 * `staticData.nav` entry, in the order of the route tree, that the role may open.
 */
export function useNavigation(role: Role): NavigationItem[] {
  const { routeTree } = useRouter();
  return (routeTree.children ?? []).flatMap((route) => {
    const nav = route.options.staticData?.nav;
    const path = route.fullPath;
    return nav && isStatic(path) && (!nav.permission || can(role, nav.permission))
      ? [{ to: path, label: nav.label }]
      : [];
  });
}
